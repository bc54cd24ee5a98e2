using System.Diagnostics;
using CarteValoise.Benchmarks.Box;
using CarteValoise.Contracts.EdgeSync;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarteValoise.Benchmarks.Network;

/// <summary>
/// (b) The network ceiling: batches of real taps (carte.v1 TapBatch) streamed over several
/// EdgeSync.Sync calls (by default each on its own HTTP/2 connection, as each box has) to the
/// <see cref="AckOnlyCloud"/>; a window of batches in flight per stream keeps the pipe full the
/// way a box's uplink does. Counts the taps acknowledged per second after a warm-up.
/// </summary>
public static class EchoCeiling
{
    public sealed record Result(double TapsPerSecond, long Taps, double Seconds);

    /// <param name="connections">HTTP/2 connections the streams share: as many as streams is one per box.</param>
    public static async Task<Result> RunAsync(string address, int streams, int connections, int batchSize, int window, TimeSpan warmUp, TimeSpan duration)
    {
        var counter = new AckCounter();
        using var stop = new CancellationTokenSource();
        var channels = Enumerable.Range(0, Math.Clamp(connections, 1, streams))
            .Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler() }))
            .ToList();
        var running = Enumerable.Range(0, streams)
            .Select(i => Task.Run(() => StreamAsync(channels[i % channels.Count], i, batchSize, window, counter, stop.Token)))
            .ToList();

        await Task.Delay(warmUp);
        var (startTaps, started) = (counter.Taps, Stopwatch.GetTimestamp());
        await Task.Delay(duration);
        var (endTaps, elapsed) = (counter.Taps, Stopwatch.GetElapsedTime(started));
        await stop.CancelAsync();
        await Task.WhenAll(running);
        foreach (var channel in channels) channel.Dispose();
        var taps = endTaps - startTaps;
        return new Result(taps / elapsed.TotalSeconds, taps, elapsed.TotalSeconds);
    }

    private static async Task StreamAsync(GrpcChannel channel, int index, int batchSize, int window, AckCounter counter, CancellationToken stop)
    {
        var client = new EdgeSync.EdgeSyncClient(channel);
        using var call = client.Sync(cancellationToken: CancellationToken.None);
        using var inFlight = new SemaphoreSlim(window);
        var acks = Task.Run(async () =>
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                counter.Add(batchSize);
                inFlight.Release();
            }
        });

        var message = new BoxMessage { Taps = SampleBatch(index, batchSize) };
        var taps = message.Taps.Taps;
        long sequence = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await inFlight.WaitAsync(stop);
                // The same message is rewritten only after the previous write has serialised it.
                foreach (var tap in taps) tap.Sequence = ++sequence;
                // Not cancelled by the stop: cancelling a write cancels the whole call.
                await call.RequestStream.WriteAsync(message);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        try
        {
            await call.RequestStream.CompleteAsync();
            await acks.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is RpcException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // The figure is taken already; a stream cut at the end does not change it.
        }
    }

    /// <summary>A batch like a box's: 7-byte UIDs of the demo cards, timestamps, decisions, canteen service.</summary>
    public static TapBatch SampleBatch(int box, int size)
    {
        var cards = DemoCards.Of(box % 2 == 0 ? "95127-E1" : "95127-E2");
        var batch = new TapBatch();
        var readAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        for (var i = 0; i < size; i++)
        {
            batch.Taps.Add(new Tap
            {
                CardUid = cards[i % cards.Count],
                ReadAt = readAt,
                Decision = i % 5 == 0 ? TapDecision.AlreadyServed : TapDecision.Accepted,
                Service = ServiceKind.Canteen,
            });
        }
        return batch;
    }

    private sealed class AckCounter
    {
        private long _taps;
        public long Taps => Interlocked.Read(ref _taps);
        public void Add(int taps) => Interlocked.Add(ref _taps, taps);
    }
}
