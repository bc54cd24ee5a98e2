using CarteValoise.Contracts.EdgeSync;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Grpc;

/// <summary>
/// The test speaking as a reader box over EdgeSync.Sync: one stream opened with a box's headers and
/// Hello, then batches sent exactly as the test writes them (twice, out of order, with gaps), each
/// answered by the cloud's acknowledgement. A new stream is a reconnection.
/// </summary>
public sealed class BoxStream : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly AsyncDuplexStreamingCall<BoxMessage, CloudMessage> call;

    private BoxStream(AsyncDuplexStreamingCall<BoxMessage, CloudMessage> call) => this.call = call;

    public static async Task<BoxStream> OpenAsync(CloudApi cloud, string boxId, string secret)
    {
        var call = cloud.EdgeSync.Sync(new Metadata { { "x-box-id", boxId }, { "x-box-secret", secret } });
        await call.RequestStream.WriteAsync(new BoxMessage { Hello = new Hello { RosterVersion = 0, SoftwareVersion = "e2e" } });
        return new BoxStream(call);
    }

    /// <summary>Sends one batch and returns the cloud's answer to it: every tap through this number is durable.</summary>
    public async Task<long> SendAsync(IEnumerable<Tap> taps)
    {
        var batch = new TapBatch();
        batch.Taps.AddRange(taps);
        await call.RequestStream.WriteAsync(new BoxMessage { Taps = batch });
        // The cloud answers each batch with one ack; roster changes may come before it.
        using var timeout = new CancellationTokenSource(Patience);
        while (await call.ResponseStream.MoveNext(timeout.Token))
            if (call.ResponseStream.Current.BodyCase == CloudMessage.BodyOneofCase.Ack)
                return call.ResponseStream.Current.Ack.DurableThroughSequence;
        throw new Xunit.Sdk.XunitException("The cloud closed the stream without acknowledging the batch.");
    }

    /// <summary>
    /// One whole conversation: Hello, one batch, end of stream; then everything the cloud answered
    /// and the status it ended with (null when it ended well). For boxes the cloud should refuse.
    /// </summary>
    public static async Task<(RpcException? Refusal, IReadOnlyList<CloudMessage> Answers)> ConverseAsync(
        CloudApi cloud, string boxId, string secret, IEnumerable<Tap> taps)
    {
        using var call = cloud.EdgeSync.Sync(new Metadata { { "x-box-id", boxId }, { "x-box-secret", secret } }, CloudApi.Deadline);
        try
        {
            await call.RequestStream.WriteAsync(new BoxMessage { Hello = new Hello { RosterVersion = 0, SoftwareVersion = "e2e" } });
            var batch = new TapBatch();
            batch.Taps.AddRange(taps);
            await call.RequestStream.WriteAsync(new BoxMessage { Taps = batch });
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The cloud may close the call before the box finishes writing: what matters is the status it ends with.
        }
        var answers = new List<CloudMessage>();
        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) answers.Add(call.ResponseStream.Current);
            return (null, answers);
        }
        catch (RpcException refusal)
        {
            return (refusal, answers);
        }
    }

    public Task HeartbeatAsync(Heartbeat heartbeat) => call.RequestStream.WriteAsync(new BoxMessage { Heartbeat = heartbeat });

    public async ValueTask DisposeAsync()
    {
        try
        {
            await call.RequestStream.CompleteAsync();
            using var timeout = new CancellationTokenSource(Patience);
            while (await call.ResponseStream.MoveNext(timeout.Token))
            {
            }
        }
        finally
        {
            call.Dispose();
        }
    }

    /// <summary>A canteen tap as a box writes it.</summary>
    public static Tap Tap(long sequence, string cardUid, DateTimeOffset readAt, TapDecision decision) => new()
    {
        Sequence = sequence,
        CardUid = cardUid,
        ReadAt = Timestamp.FromDateTimeOffset(readAt),
        Decision = decision,
        Service = ServiceKind.Canteen,
    };
}
