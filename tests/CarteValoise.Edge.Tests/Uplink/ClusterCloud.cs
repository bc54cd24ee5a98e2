using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Tests.Support;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>
/// A cloud of several silos on loopback, each an EdgeSync server on its own port, all sharing one
/// ledger of the box's taps as the silos of a cluster share its device grain: a tap is applied in
/// sequence order, once, whichever silo receives it (a resend is counted and dropped), and the ack
/// says how far the taps are applied. Each silo records what it received and acknowledged, and can
/// be told to stop acknowledging (it still applies: a crash between the write and the ack) and be
/// killed, its streams cut under the box's feet.
/// </summary>
public sealed class ClusterCloud : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, int> _appliedBy = [];
    private long _durableThrough;
    private int _resendsDropped;

    private ClusterCloud() { }

    public IReadOnlyList<Silo> Silos { get; private set; } = [];

    /// <summary>Sent after a Hello that announces another version, by whichever silo receives it.</summary>
    public RosterDelta? Roster { get; set; }

    /// <summary>For each tap applied, the number of the silo that applied it (1 for the first).</summary>
    public IReadOnlyDictionary<long, int> AppliedBy { get { lock (_gate) return new Dictionary<long, int>(_appliedBy); } }

    /// <summary>Taps received again after they were applied, and dropped.</summary>
    public int ResendsDropped { get { lock (_gate) return _resendsDropped; } }

    public static async Task<ClusterCloud> StartAsync(int silos)
    {
        var cloud = new ClusterCloud();
        var started = new List<Silo>();
        for (var number = 1; number <= silos; number++) started.Add(await Silo.StartAsync(cloud, number));
        cloud.Silos = started;
        return cloud;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
    }

    /// <summary>Applies a batch as the device grain does; returns how far the taps are applied.</summary>
    private long Apply(TapBatch batch, int silo)
    {
        lock (_gate)
        {
            foreach (var tap in batch.Taps)
            {
                if (tap.Sequence <= _durableThrough) _resendsDropped++;
                else if (tap.Sequence == _durableThrough + 1) _appliedBy[_durableThrough = tap.Sequence] = silo;
            }
            return _durableThrough;
        }
    }

    public sealed class Silo : IAsyncDisposable
    {
        private readonly Lock _gate = new();
        private readonly ClusterCloud _cloud;
        private readonly List<long> _received = [];
        private readonly List<long> _acks = [];
        private readonly List<Hello> _hellos = [];
        private readonly HashSet<HttpContext> _streams = [];
        private readonly TaskCompletionSource<long> _silenced = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private LoopbackGrpcServer? _server;
        private int _heartbeats;
        private bool _dead;

        private Silo(ClusterCloud cloud, int number) => (_cloud, Number) = (cloud, number);

        public int Number { get; }

        public string Address { get; private set; } = "";

        /// <summary>Once the taps are applied beyond this, the silo applies what it receives but acknowledges no more.</summary>
        public long? AcknowledgeNoFurtherThan { get; set; }

        /// <summary>Completes with the last ack the silo sent, once it has applied a batch it will not acknowledge.</summary>
        public Task<long> Silenced => _silenced.Task;

        /// <summary>Sequences received, in the order they came, over every stream.</summary>
        public IReadOnlyList<long> Received { get { lock (_gate) return _received.ToList(); } }

        /// <summary>The acks written, in order.</summary>
        public IReadOnlyList<long> Acks { get { lock (_gate) return _acks.ToList(); } }

        public IReadOnlyList<Hello> Hellos { get { lock (_gate) return _hellos.ToList(); } }

        public int Heartbeats { get { lock (_gate) return _heartbeats; } }

        internal static async Task<Silo> StartAsync(ClusterCloud cloud, int number)
        {
            var silo = new Silo(cloud, number);
            silo._server = await LoopbackGrpcServer.StartAsync<Service, Silo>(silo);
            silo.Address = silo._server.Address;
            return silo;
        }

        /// <summary>As kill -9: every open stream cut at once, then nobody listens on its port.</summary>
        public async Task KillAsync()
        {
            List<HttpContext> streams;
            lock (_gate)
            {
                _dead = true;
                streams = [.. _streams];
            }
            foreach (var stream in streams) stream.Abort();
            await DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            var server = Interlocked.Exchange(ref _server, null);
            if (server is not null) await server.DisposeAsync();
        }

        private async Task ServeAsync(IAsyncStreamReader<BoxMessage> requests, IServerStreamWriter<CloudMessage> responses, ServerCallContext context)
        {
            var http = context.GetHttpContext();
            lock (_gate)
            {
                if (_dead)
                {
                    http.Abort();
                    return;
                }
                _streams.Add(http);
            }
            try
            {
                await foreach (var message in requests.ReadAllAsync(context.CancellationToken))
                {
                    switch (message.BodyCase)
                    {
                        case BoxMessage.BodyOneofCase.Hello:
                            lock (_gate) _hellos.Add(message.Hello);
                            if (_cloud.Roster is { } roster && message.Hello.RosterVersion != roster.Version)
                                await responses.WriteAsync(new CloudMessage { Roster = roster });
                            break;
                        case BoxMessage.BodyOneofCase.Heartbeat:
                            lock (_gate) _heartbeats++;
                            break;
                        case BoxMessage.BodyOneofCase.Taps:
                            lock (_gate) _received.AddRange(message.Taps.Taps.Select(t => t.Sequence));
                            var durable = _cloud.Apply(message.Taps, Number);
                            if (!MayAcknowledge(durable)) break;
                            await responses.WriteAsync(new CloudMessage { Ack = new Ack { DurableThroughSequence = durable } });
                            break;
                    }
                }
            }
            finally
            {
                lock (_gate) _streams.Remove(http);
            }
        }

        private bool MayAcknowledge(long durable)
        {
            lock (_gate)
            {
                if (_silenced.Task.IsCompleted) return false;
                if (durable > AcknowledgeNoFurtherThan)
                {
                    _silenced.TrySetResult(_acks.DefaultIfEmpty(0).Last());
                    return false;
                }
                _acks.Add(durable);
                return true;
            }
        }

        private sealed class Service(Silo silo) : EdgeSync.EdgeSyncBase
        {
            public override Task Sync(IAsyncStreamReader<BoxMessage> requestStream, IServerStreamWriter<CloudMessage> responseStream, ServerCallContext context) =>
                silo.ServeAsync(requestStream, responseStream, context);
        }
    }
}
