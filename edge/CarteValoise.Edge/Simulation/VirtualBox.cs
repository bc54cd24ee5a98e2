using CarteValoise.Edge.Common;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Uplink;
using CarteValoise.Edge.Decisions;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Simulation;

/// <summary>
/// One box of the load simulator: the box's own store, outbox, roster, decisions and uplink — the
/// code a real box runs — with a tapping loop instead of a reader. It times each tap from the
/// moment it is on the box's disk to the cloud's ack that covers it.
/// </summary>
internal sealed class VirtualBox : IAsyncDisposable
{
    // Writes handed to the box's store and not yet on disk; beyond, the virtual box waits (and falls behind its rate).
    private const int MaxWritesInFlight = 64;
    private static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _writtenAt = [];
    private readonly List<double> _latenciesMs = [];
    private readonly SemaphoreSlim _inFlight = new(MaxWritesInFlight, MaxWritesInFlight);
    private readonly Signal _acknowledged;
    private readonly BoxMode _mode;
    private long _firstSequence;
    private long _lastWritten;
    private long _ackedThrough;
    private long _timedThrough;
    private long _highWater;
    private long _lastAckTimestamp;

    public VirtualBox(string id, SimulateOptions options, string directory, Signal acknowledged, TimeProvider time, ILoggerFactory loggers)
    {
        Id = id;
        _time = time;
        _acknowledged = acknowledged;
        _logger = loggers.CreateLogger<VirtualBox>();
        Store = BoxStore.Open(directory, loggers.CreateLogger<BoxStore>());
        Outbox = new TapOutbox(Store);
        Roster = new RosterCache(Store);
        _mode = options.Mode;
        Uplink = new CloudUplink(
            new BoxOptions
            {
                Id = id,
                Secret = options.Secret,
                SchoolId = options.SchoolId,
                CloudAddress = options.Cloud,
                Mode = options.Mode,
                Uplink = new UplinkOptions { BatchSize = options.BatchSize, InitialBackoffSeconds = 0.5, MaxBackoffSeconds = 5, RefusedBackoffSeconds = 5 },
            },
            Outbox, Roster, new BoxOutput(TextWriter.Null), new ReaderHealth(), time, loggers.CreateLogger<CloudUplink>());
        Uplink.Acknowledged += OnAcknowledged;
    }

    public string Id { get; }
    public BoxStore Store { get; }
    public TapOutbox Outbox { get; }
    public RosterCache Roster { get; }
    public CloudUplink Uplink { get; }

    public long Written { get { lock (_gate) return _lastWritten - _firstSequence + 1; } }

    public long Acknowledged { get { lock (_gate) return Math.Max(0, Math.Min(_ackedThrough, _lastWritten) - _firstSequence + 1); } }

    public bool AllAcknowledged { get { lock (_gate) return _ackedThrough >= _lastWritten; } }

    public long OutboxHighWater { get { lock (_gate) return _highWater; } }

    /// <summary>When the last ack arrived (a <see cref="TimeProvider.GetTimestamp"/>), 0 if none.</summary>
    public long LastAckTimestamp { get { lock (_gate) return _lastAckTimestamp; } }

    public IReadOnlyList<double> LatenciesMs { get { lock (_gate) return _latenciesMs.ToList(); } }

    public async Task StartAsync()
    {
        await Roster.LoadAsync();
        var state = await Outbox.StateAsync();
        lock (_gate)
        {
            // A kept outbox (--root) goes on with its numbers; only this run's taps are counted.
            _firstSequence = state.LastSequence + 1;
            _lastWritten = state.LastSequence;
            _ackedThrough = state.LastSequence - state.Depth;
            _timedThrough = _lastWritten;
        }
        await Uplink.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// Taps <paramref name="cards"/> in turn at <paramref name="tapsPerSecond"/> until <paramref name="stop"/>;
    /// returns once every tap is on disk. The taps due at each tick go to the outbox in one write
    /// (a real box writes one tap at a time, but a virtual box must cost the machine little, for
    /// the cloud beside it is what is measured). Decisions follow the canteen's rule on the
    /// roster's cards: the first tap of a card in the run eats, the next ones are already served.
    /// </summary>
    public async Task TapAsync(IReadOnlyList<string> cards, bool cardsAreKnown, double tapsPerSecond, CancellationToken stop)
    {
        var start = _time.GetTimestamp();
        var served = new HashSet<string>();
        var checkedIn = new HashSet<string>();
        long issued = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(_time.GetElapsedTime(start).TotalSeconds * tapsPerSecond) + 1;
                if (issued < due)
                {
                    var taps = new List<(string, DateTimeOffset, Decision, TapService)>((int)Math.Min(due - issued, 10_000));
                    var now = _time.GetUtcNow();
                    for (; issued < due && taps.Count < 10_000; issued++)
                    {
                        var card = cards[(int)(issued % cards.Count)];
                        taps.Add(_mode == BoxMode.Care
                            ? (card, now, cardsAreKnown ? Decision.Accepted : Decision.UnknownCard, checkedIn.Add(card) ? TapService.CareCheckIn : Remove(checkedIn, card))
                            : (card, now, !cardsAreKnown ? Decision.UnknownCard : served.Add(card) ? Decision.Accepted : Decision.AlreadyServed, TapService.Canteen));
                    }
                    await _inFlight.WaitAsync(stop);
                    _ = WriteAsync(taps);
                }
                // At least a millisecond: a shorter Task.Delay ends at once, and the loop would spin.
                var next = TimeSpan.FromSeconds(issued / tapsPerSecond) - _time.GetElapsedTime(start);
                await Task.Delay(next > MinimumTick ? next : MinimumTick, _time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Time is up.
        }
        for (var i = 0; i < MaxWritesInFlight; i++) await _inFlight.WaitAsync(CancellationToken.None);
        _inFlight.Release(MaxWritesInFlight);

        static TapService Remove(HashSet<string> set, string card)
        {
            set.Remove(card);
            return TapService.CareCheckOut;
        }
    }

    private async Task WriteAsync(List<(string, DateTimeOffset, Decision, TapService)> taps)
    {
        try
        {
            var written = await Outbox.AppendManyAsync(taps);
            var at = _time.GetTimestamp();
            foreach (var tap in written) OnWritten(tap.Sequence, at);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Box simulée {BoxId} : {Count} passages non écrits.", Id, taps.Count);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private void OnWritten(long sequence, long timestamp)
    {
        lock (_gate)
        {
            _lastWritten = Math.Max(_lastWritten, sequence);
            _highWater = Math.Max(_highWater, _lastWritten - _ackedThrough);
            // The ack can overtake this continuation by a hair: the tap was acknowledged as it was written.
            if (sequence <= _ackedThrough) _latenciesMs.Add(0);
            else _writtenAt[sequence] = timestamp;
        }
    }

    private void OnAcknowledged(long durableThrough)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _ackedThrough = Math.Max(_ackedThrough, durableThrough);
            _lastAckTimestamp = now;
            var through = Math.Min(_ackedThrough, _lastWritten);
            for (var sequence = _timedThrough + 1; sequence <= through; sequence++)
            {
                if (_writtenAt.Remove(sequence, out var writtenAt))
                    _latenciesMs.Add(_time.GetElapsedTime(writtenAt, now).TotalMilliseconds);
            }
            _timedThrough = Math.Max(_timedThrough, through);
        }
        _acknowledged.Raise();
    }

    public async ValueTask DisposeAsync()
    {
        await Uplink.StopAsync(CancellationToken.None);
        Uplink.Dispose();
        Store.Dispose();
    }
}
