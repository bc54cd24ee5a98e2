using System.Collections.Concurrent;
using CarteValoise.Grains.Devices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.Placement;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace CarteValoise.Grains.Tests.Cluster;

/// <summary>
/// Three in-process silos over one <see cref="SharedGrainStore"/>, started for one test (a test kills
/// silos). The boxes' checkpoint timer is set an hour apart, so that only the test checkpoints
/// (RecoverPendingTaps); grains are placed on the silo a test names, a silo is crashed by pulling its
/// plug on the store and killing it, and a grain call can be made to fail once.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncDisposable
{
    // Thursday 3 December 2026, 12:30 in Paris: the grains' clock, which stands still.
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 11, 30, 0, TimeSpan.Zero);

    private ThreeSiloCluster(InProcessTestCluster cluster, SharedGrainStore store, ConcurrentDictionary<string, bool> failOnce)
    {
        Cluster = cluster;
        Store = store;
        FailOnce = failOnce;
        Silos = cluster.Silos.ToList();
    }

    public InProcessTestCluster Cluster { get; }

    public SharedGrainStore Store { get; }

    /// <summary>Calls to fail once, as "grain key/method name".</summary>
    public ConcurrentDictionary<string, bool> FailOnce { get; }

    /// <summary>The three silos as started (a crashed one stays in the list).</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<ThreeSiloCluster> Start()
    {
        var store = new SharedGrainStore();
        var failOnce = new ConcurrentDictionary<string, bool>();
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((siloOptions, silo) =>
        {
            silo.Services.AddGrainStorage(GrainKeys.StorageName, (services, _) => store.For(services));
            silo.Services.AddSingleton<TimeProvider>(new StillClock(Now));
            silo.Services.Configure<DeviceJournalOptions>(options => options.CheckpointEvery = TimeSpan.FromHours(1));
            silo.AddIncomingGrainCallFilter(context =>
                failOnce.TryRemove($"{context.TargetId.Key}/{context.MethodName}", out _)
                    ? throw new TimeoutException($"Panne simulée : {context.TargetId.Key}/{context.MethodName}")
                    : context.Invoke());
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ThreeSiloCluster(cluster, store, failOnce);
    }

    /// <summary>Runs <paramref name="call"/> with the grains it activates placed on <paramref name="silo"/> (the hint follows the calls it makes).</summary>
    public async Task<T> On<T>(InProcessSiloHandle silo, Func<Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    public Task On(InProcessSiloHandle silo, Func<Task> call) => On(silo, async () =>
    {
        await call();
        return true;
    });

    /// <summary>The silo where the grain is active now, null when it is not active.</summary>
    public SiloAddress? HostOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    /// <summary>
    /// A crash: from this instant nothing the silo holds in memory reaches the store, then it is killed
    /// (not stopped) and the others declare it dead.
    /// </summary>
    public async Task Crash(InProcessSiloHandle silo)
    {
        Store.Unplug(silo.SiloAddress);
        await Cluster.KillSiloAsync(silo);
        await Cluster.WaitForLivenessToStabilizeAsync(didKill: true);
    }

    /// <summary>What the store holds for the grain's state, read as a new activation would.</summary>
    public T? Persisted<T>(string stateName, IAddressable grain) =>
        Store.Persisted<T>(stateName, grain.GetGrainId(), Cluster.Client.ServiceProvider.GetRequiredService<Serializer>());

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class StillClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
