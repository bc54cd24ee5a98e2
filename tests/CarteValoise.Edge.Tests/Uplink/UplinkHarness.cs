using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Edge.Uplink;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>A box's storage and uplink, pointed at a <see cref="FakeCloud"/>, with quick backoffs.</summary>
public sealed class UplinkHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Noon = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    public UplinkHarness(string cloudAddress, string secret = "s3cret", int batchSize = 200, BoxMode mode = BoxMode.Canteen, int maxUnacknowledged = 5_000,
        double initialBackoffSeconds = 0.05, double maxBackoffSeconds = 0.2)
    {
        Store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());
        Outbox = new TapOutbox(Store);
        Roster = new RosterCache(Store);
        Output = new BoxOutput(TextWriter.Null);
        Lines = new LineWatcher(Output);
        Uplink = new CloudUplink(
            new BoxOptions
            {
                Id = "box-ferry-1",
                Secret = secret,
                CloudAddress = cloudAddress,
                Mode = mode,
                Uplink = new UplinkOptions
                {
                    BatchSize = batchSize,
                    MaxUnacknowledged = maxUnacknowledged,
                    HeartbeatSeconds = 3600,
                    InitialBackoffSeconds = initialBackoffSeconds,
                    MaxBackoffSeconds = maxBackoffSeconds,
                    RefusedBackoffSeconds = 0.2,
                },
            },
            Outbox, Roster, Output, Health, TimeProvider.System, Log);
    }

    public string Directory => _directory.Path;
    public ReaderHealth Health { get; } = new();
    public BoxStore Store { get; }
    public TapOutbox Outbox { get; }
    public RosterCache Roster { get; }
    public BoxOutput Output { get; }
    public LineWatcher Lines { get; }
    public ListLogger<CloudUplink> Log { get; } = new();
    public CloudUplink Uplink { get; }

    public async Task WriteTapsAsync(int count)
    {
        for (var i = 0; i < count; i++)
            await Outbox.AppendAsync("04A1B2C3", Noon.AddSeconds(i), Decision.Accepted, TapService.Canteen);
    }

    public async Task<long[]> PendingAsync() => (await Outbox.ReadPendingAsync(0, 100_000)).Select(t => t.Sequence).ToArray();

    /// <summary>
    /// The sequence numbers on the disk, in the collection where <see cref="TapOutbox"/> keeps its taps:
    /// what the box still holds, at one instant. Not <see cref="TapOutbox.ReadPendingAsync"/>, which
    /// serves recent taps from memory: while the first ack's taps are forgotten there, it can answer a
    /// few of those alone (the uplink then reads on from the disk), and the taps after them look gone.
    /// </summary>
    public Task<HashSet<long>> OnDiskAsync() =>
        Store.ReadAsync(db => db.GetCollection("outbox").FindAll().Select(tap => tap["_id"].AsInt64).ToHashSet());

    public Task StartAsync() => Uplink.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Uplink.StopAsync(CancellationToken.None);
        Uplink.Dispose();
        Store.Dispose();
        _directory.Dispose();
    }
}
