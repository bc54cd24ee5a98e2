using System.Collections.Concurrent;
using System.Threading.Channels;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Tests.Support;
using Grpc.Core;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>
/// A real EdgeSync server on 127.0.0.1 (Kestrel, HTTP/2 without TLS, like the cloud), driven by
/// the test: each accepted stream becomes a <see cref="CloudConnection"/> that the test reads
/// from, answers, or drops. Credentials are checked like the cloud does, from the headers.
/// </summary>
public sealed class FakeCloud : IAsyncDisposable
{
    private readonly Channel<CloudConnection> _connections = Channel.CreateUnbounded<CloudConnection>();
    private readonly Channel<string> _refusals = Channel.CreateUnbounded<string>();
    private LoopbackGrpcServer? _server;

    public string Address { get; private set; } = "";

    /// <summary>How the cloud answers EdgeSync.Enrol; throw an RpcException to refuse. Unset: Unimplemented.</summary>
    public Func<EnrolRequest, EnrolReply>? Enrolment { get; set; }

    public ConcurrentQueue<EnrolRequest> EnrolRequests { get; } = new();
    public required string BoxId { get; init; }
    public required string BoxSecret { get; init; }

    public static async Task<FakeCloud> StartAsync(string boxId = "box-ferry-1", string boxSecret = "s3cret")
    {
        var cloud = new FakeCloud { BoxId = boxId, BoxSecret = boxSecret };
        cloud._server = await LoopbackGrpcServer.StartAsync<EdgeSyncService, FakeCloud>(cloud);
        cloud.Address = cloud._server.Address;
        return cloud;
    }

    public async Task<CloudConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>The box id of the next refused attempt.</summary>
    public async Task<string> NextRefusalAsync() =>
        await _refusals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task ServeAsync(IAsyncStreamReader<BoxMessage> requests, IServerStreamWriter<CloudMessage> responses, ServerCallContext context)
    {
        var id = context.RequestHeaders.GetValue("x-box-id");
        var secret = context.RequestHeaders.GetValue("x-box-secret");
        if (id != BoxId || secret != BoxSecret)
        {
            _refusals.Writer.TryWrite(id ?? "");
            throw new RpcException(new Status(StatusCode.Unauthenticated, "box inconnue ou secret incorrect"));
        }
        var connection = new CloudConnection(responses, context);
        _connections.Writer.TryWrite(connection);
        await connection.ServeAsync(requests);
    }

    internal sealed class EdgeSyncService(FakeCloud cloud) : EdgeSync.EdgeSyncBase
    {
        public override Task Sync(IAsyncStreamReader<BoxMessage> requestStream, IServerStreamWriter<CloudMessage> responseStream, ServerCallContext context) =>
            cloud.ServeAsync(requestStream, responseStream, context);

        public override Task<EnrolReply> Enrol(EnrolRequest request, ServerCallContext context)
        {
            cloud.EnrolRequests.Enqueue(request);
            var answer = cloud.Enrolment ?? throw new RpcException(new Status(StatusCode.Unimplemented, "pas d'enrôlement ici"));
            return Task.FromResult(answer(request));
        }
    }
}

/// <summary>One stream from the box, as the cloud sees it.</summary>
public sealed class CloudConnection(IServerStreamWriter<CloudMessage> responses, ServerCallContext context)
{
    private readonly Channel<BoxMessage> _received = Channel.CreateUnbounded<BoxMessage>();
    private readonly TaskCompletionSource _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writing = new(1, 1);

    internal async Task ServeAsync(IAsyncStreamReader<BoxMessage> requests)
    {
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in requests.ReadAllAsync(context.CancellationToken)) _received.Writer.TryWrite(message);
            }
            catch (Exception)
            {
                // the box went away, or the test dropped the connection
            }
            finally
            {
                _received.Writer.TryComplete();
            }
        });
        await Task.WhenAny(_end.Task, reading);
    }

    public async Task<BoxMessage> NextAsync()
    {
        var message = await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        return message;
    }

    public async Task<Hello> HelloAsync()
    {
        var message = await NextAsync();
        Assert.Equal(BoxMessage.BodyOneofCase.Hello, message.BodyCase);
        return message.Hello;
    }

    /// <summary>The next tap batch, heartbeats skipped.</summary>
    public async Task<TapBatch> NextBatchAsync()
    {
        while (true)
        {
            var message = await NextAsync();
            if (message.BodyCase == BoxMessage.BodyOneofCase.Heartbeat) continue;
            Assert.Equal(BoxMessage.BodyOneofCase.Taps, message.BodyCase);
            return message.Taps;
        }
    }

    /// <summary>Taps until <paramref name="count"/> have arrived, in the order they came.</summary>
    public async Task<List<Tap>> TapsAsync(int count)
    {
        var taps = new List<Tap>();
        while (taps.Count < count) taps.AddRange((await NextBatchAsync()).Taps);
        return taps;
    }

    public async Task<Heartbeat> NextHeartbeatAsync()
    {
        while (true)
        {
            var message = await NextAsync();
            if (message.BodyCase == BoxMessage.BodyOneofCase.Heartbeat) return message.Heartbeat;
        }
    }

    public Task AckAsync(long durableThrough) => SendAsync(new CloudMessage { Ack = new Ack { DurableThroughSequence = durableThrough } });

    public Task SendRosterAsync(RosterDelta delta) => SendAsync(new CloudMessage { Roster = delta });

    /// <summary>The connection breaks under the box's feet (network cut, cloud crash).</summary>
    public void Drop()
    {
        context.GetHttpContext().Abort();
        _end.TrySetResult();
    }

    private async Task SendAsync(CloudMessage message)
    {
        await _writing.WaitAsync();
        try
        {
            await responses.WriteAsync(message);
        }
        finally
        {
            _writing.Release();
        }
    }
}
