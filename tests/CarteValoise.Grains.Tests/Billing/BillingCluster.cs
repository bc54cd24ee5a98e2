using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CarteValoise.Grains.Tests.Billing;

/// <summary>
/// A silo of its own for the month close: its clock is moved to January to close December without
/// disturbing the other tests' clock, and a call filter can make a family's grain fail a call once,
/// the way a crash or a lost message would cut a close short.
/// </summary>
public sealed class BillingCluster : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Calls to fail once, as "grain key/method name".</summary>
    public static ConcurrentDictionary<string, bool> FailOnce { get; } = new();

    /// <summary>Moves the clock forward to <paramref name="at"/> (never back: tests share the clock).</summary>
    public void AtLeast(DateTimeOffset at)
    {
        var now = Time.GetUtcNow();
        if (at > now) Time.Advance(at - now);
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainKeys.StorageName);
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.AddIncomingGrainCallFilter(context =>
                FailOnce.TryRemove($"{context.TargetId.Key}/{context.MethodName}", out _)
                    ? throw new TimeoutException($"Panne simulée : {context.TargetId.Key}/{context.MethodName}")
                    : context.Invoke());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingCluster>
{
    public const string Name = "billing";
}
