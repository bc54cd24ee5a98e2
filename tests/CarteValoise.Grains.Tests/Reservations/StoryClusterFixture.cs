using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CarteValoise.Grains.Tests.Reservations;

/// <summary>
/// A silo of its own for stories set on given dates (a cut-off in March 2027, then one in November
/// 2026): each test starts a fresh <see cref="FakeTimeProvider"/> at its own moment, which the silo's
/// grains read through <see cref="StoryClock"/>. Timers stay on the system clock, as the silo needs.
/// </summary>
public sealed class StoryClusterFixture : IAsyncLifetime
{
    private readonly StoryClock _clock = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The clock of the test running now (tests of a collection run one at a time).</summary>
    public FakeTimeProvider Time => _clock.Current;

    /// <summary>Starts the story at <paramref name="parisTime"/>, a Paris wall-clock time.</summary>
    public FakeTimeProvider StartAt(DateTime parisTime)
    {
        var offset = Domain.Calendar.ServiceDay.Paris.GetUtcOffset(parisTime);
        _clock.Current = new FakeTimeProvider(new DateTimeOffset(parisTime, offset));
        return _clock.Current;
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainKeys.StorageName);
            silo.Services.AddSingleton<TimeProvider>(_clock);
            // The silo schedules idle activations' collection on this clock, and a story may start
            // months before the last one: a collection age of years keeps every ticket ahead of it.
            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromDays(3650));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class StoryClock : TimeProvider
    {
        public FakeTimeProvider Current { get; set; } = new(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero));

        public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();
    }
}

[CollectionDefinition(Name)]
public sealed class StoryCollection : ICollectionFixture<StoryClusterFixture>
{
    public const string Name = "story cluster";
}
