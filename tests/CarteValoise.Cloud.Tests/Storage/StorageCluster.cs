using CarteValoise.Cloud.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>One in-process silo whose grain storage is a LiteDB file of the test's choosing.</summary>
internal sealed class StorageCluster : IAsyncDisposable
{
    public const string StorageName = "test-lite";

    private readonly InProcessTestCluster _cluster;

    private StorageCluster(InProcessTestCluster cluster) => _cluster = cluster;

    public static async Task<StorageCluster> StartAsync(string filePath)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddLiteDbGrainStorage(StorageName, options => options.FilePath = filePath));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new StorageCluster(cluster);
    }

    public IGrainFactory Grains => _cluster.Client;

    public LiteDbGrainStorage Storage =>
        (LiteDbGrainStorage)_cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageName);

    public Task DeactivateAsync(IAddressable grain) => _cluster.DeactivateAsync(grain);

    /// <summary>Stops the silo the way a host does, which closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
