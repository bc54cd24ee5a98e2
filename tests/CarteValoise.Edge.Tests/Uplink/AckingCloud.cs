using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Tests.Support;
using Grpc.Core;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>
/// An EdgeSync server on loopback that acknowledges on its own, like the cloud's device grain:
/// taps are applied in sequence order, once (a resend is dropped, a gap stops the batch), and the
/// ack says how far they are durable. With chaos it drops connections before or after acking
/// (seeded, so a failing run can be replayed), to make a reconnect storm.
/// </summary>
public sealed class AckingCloud : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<List<long>> _connections = [];
    private readonly Random _chaos;
    private readonly Dictionary<string, long> _durableThrough = [];
    private LoopbackGrpcServer? _server;
    private long _highestAckSent;
    private long _maxInFlight;
    private long _batches;

    private AckingCloud(int seed) => _chaos = new Random(seed);

    public string Address { get; private set; } = "";

    /// <summary>Chance that a batch is received and the connection dropped before it is acknowledged.</summary>
    public double DropBeforeAck { get; set; }

    /// <summary>Chance that the connection is dropped right after an ack is written.</summary>
    public double DropAfterAck { get; set; }

    /// <summary>Called with each batch received (the drain bench samples memory there).</summary>
    public Action<TapBatch>? OnBatch { get; set; }

    /// <summary>Sent after each Hello, as the cloud pushes the school's roster; none when null.</summary>
    public RosterDelta? Roster { get; set; }

    /// <summary>For a cloud serving one box: how far its taps are durable.</summary>
    public long DurableThrough { get { lock (_gate) return _durableThrough.Values.DefaultIfEmpty(0).Single(); } }

    /// <summary>Tap batches received, over every connection.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long DurableThroughOf(string boxId)
    {
        lock (_gate) return _durableThrough.GetValueOrDefault(boxId);
    }

    /// <summary>The highest ack ever written (or about to be): no tap above it may have left the box.</summary>
    public long HighestAckSent => Interlocked.Read(ref _highestAckSent);

    /// <summary>The most taps this cloud received but had not yet acknowledged, on one connection, at any batch.</summary>
    public long MaxInFlight { get { lock (_gate) return _maxInFlight; } }

    /// <summary>The sequences received on each connection, in the order they came.</summary>
    public IReadOnlyList<IReadOnlyList<long>> Connections { get { lock (_gate) return _connections.Select(c => (IReadOnlyList<long>)c.ToList()).ToList(); } }

    public static async Task<AckingCloud> StartAsync(int seed = 20250401)
    {
        var cloud = new AckingCloud(seed);
        cloud._server = await LoopbackGrpcServer.StartAsync<Service, AckingCloud>(cloud, maxReceiveMessageSize: 16 * 1024 * 1024);
        cloud.Address = cloud._server.Address;
        return cloud;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task ServeAsync(IAsyncStreamReader<BoxMessage> requests, IServerStreamWriter<CloudMessage> responses, ServerCallContext context)
    {
        var boxId = context.RequestHeaders.GetValue("x-box-id") ?? "";
        var received = new List<long>();
        lock (_gate) _connections.Add(received);
        long receivedThrough = 0;
        await foreach (var message in requests.ReadAllAsync(context.CancellationToken))
        {
            if (message.BodyCase == BoxMessage.BodyOneofCase.Hello && Roster is { } roster && message.Hello.RosterVersion != roster.Version)
                await responses.WriteAsync(new CloudMessage { Roster = roster });
            if (message.BodyCase != BoxMessage.BodyOneofCase.Taps) continue;
            OnBatch?.Invoke(message.Taps);
            Interlocked.Increment(ref _batches);
            long durable;
            bool dropBefore, dropAfter;
            lock (_gate)
            {
                durable = _durableThrough.GetValueOrDefault(boxId);
                foreach (var tap in message.Taps.Taps)
                {
                    received.Add(tap.Sequence);
                    receivedThrough = Math.Max(receivedThrough, tap.Sequence);
                    if (tap.Sequence == durable + 1) durable = tap.Sequence;
                }
                _durableThrough[boxId] = durable;
                _maxInFlight = Math.Max(_maxInFlight, receivedThrough - Math.Max(HighestAckSent, received[0] - 1));
                dropBefore = _chaos.NextDouble() < DropBeforeAck;
                dropAfter = _chaos.NextDouble() < DropAfterAck;
            }
            if (dropBefore)
            {
                context.GetHttpContext().Abort();
                return;
            }
            InterlockedMax(ref _highestAckSent, durable);
            await responses.WriteAsync(new CloudMessage { Ack = new Ack { DurableThroughSequence = durable } });
            if (dropAfter)
            {
                context.GetHttpContext().Abort();
                return;
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    private sealed class Service(AckingCloud cloud) : EdgeSync.EdgeSyncBase
    {
        public override Task Sync(IAsyncStreamReader<BoxMessage> requestStream, IServerStreamWriter<CloudMessage> responseStream, ServerCallContext context) =>
            cloud.ServeAsync(requestStream, responseStream, context);
    }
}
