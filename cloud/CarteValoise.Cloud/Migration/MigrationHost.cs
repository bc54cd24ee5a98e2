using CarteValoise.Cloud.Storage;
using CarteValoise.Grains;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Metadata;
using Orleans.Storage;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// A silo's services, configured as the silo configures them (same configuration sources, same
/// grain storage "carte" and serializer), but never started: it joins no cluster and listens on no
/// port. Export and import take from it the grain classes, the serializer and, for import, the
/// grain storage itself, which it opens alone through a lifecycle of its own.
/// </summary>
internal sealed class MigrationHost : IAsyncDisposable
{
    private readonly IHost _host;
    private SiloLifecycleSubject? _storageLifecycle;

    private MigrationHost(IHost host, IConfiguration configuration)
    {
        _host = host;
        Configuration = configuration;
        var serializer = host.Services.GetKeyedService<IGrainStorageSerializer>(GrainKeys.StorageName);
        Serializer = serializer as OrleansGrainStorageSerializer
            ?? throw new MigrationFailure(MigrationExitCodes.Usage,
                $"Le stockage de grains « {GrainKeys.StorageName} » n'utilise pas le format binaire d'Orleans ({serializer?.GetType().Name ?? "sérialiseur par défaut"}) : l'export n'en connaît pas d'autre.");
        StateTypes = new StateTypes(host.Services.GetRequiredService<GrainClassMap>());
    }

    public IConfiguration Configuration { get; }

    public IGrainStorageSerializer Serializer { get; }

    public StateTypes StateTypes { get; }

    public string ServiceId => Configuration["Orleans:ServiceId"] is { Length: > 0 } id ? id : "cartevaloise";

    public string StorageKind => Configuration["Storage:Kind"] is { Length: > 0 } kind ? kind : "LiteDb";

    /// <param name="configurationArgs">Command-line settings (<c>--Storage:Kind=Postgres</c>…), the command's own options removed.</param>
    public static MigrationHost Build(string[] configurationArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs });
        // Standard output carries the command's result lines only; logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
        var configuration = builder.Configuration;
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
        builder.UseOrleans(silo =>
        {
            // Never started: the clustering is only there for the silo's services to resolve.
            silo.UseLocalhostClustering();
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } cluster ? cluster : "cartevaloise";
                options.ServiceId = configuration["Orleans:ServiceId"] is { Length: > 0 } service ? service : "cartevaloise";
            });
            silo.AddCarteGrainStorage(configuration, dataDirectory);
        });
        return new MigrationHost(builder.Build(), configuration);
    }

    /// <summary>Where the silo keeps its LiteDB file under this configuration.</summary>
    public string LiteDbPath() =>
        _host.Services.GetRequiredService<IOptionsMonitor<LiteDbGrainStorageOptions>>().Get(GrainKeys.StorageName).FilePath;

    /// <summary>
    /// The grain storage "carte" exactly as the silo builds it, opened (its silo lifecycle stages run)
    /// without the rest of the silo.
    /// </summary>
    public async Task<IGrainStorage> OpenStorageAsync(CancellationToken cancellationToken)
    {
        var storage = _host.Services.GetRequiredKeyedService<IGrainStorage>(GrainKeys.StorageName);
        if (storage is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            _storageLifecycle = new SiloLifecycleSubject(_host.Services.GetRequiredService<ILogger<SiloLifecycleSubject>>());
            participant.Participate(_storageLifecycle);
            await _storageLifecycle.OnStart(cancellationToken);
        }
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        if (_storageLifecycle is not null) await _storageLifecycle.OnStop(CancellationToken.None);
        if (_host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else _host.Dispose();
    }
}
