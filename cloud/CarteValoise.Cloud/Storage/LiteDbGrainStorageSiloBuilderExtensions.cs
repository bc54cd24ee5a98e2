using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace CarteValoise.Cloud.Storage;

public static class LiteDbGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="LiteDbGrainStorage"/> named <paramref name="name"/> (the name grains give
    /// in <c>[PersistentState(stateName, name)]</c>). The silo opens its file at start and closes it,
    /// synced, at stop.
    /// </summary>
    public static ISiloBuilder AddLiteDbGrainStorage(this ISiloBuilder builder, string name, Action<LiteDbGrainStorageOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<LiteDbGrainStorageOptions>(name).Configure(configure);
        // Fills GrainStorageSerializer when left unset: one registered under this storage's name, else the silo's default.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<
            IPostConfigureOptions<LiteDbGrainStorageOptions>,
            DefaultStorageProviderSerializerOptionsConfigurator<LiteDbGrainStorageOptions>>());
        // Keyed by name, and enlisted in the silo lifecycle because it is an ILifecycleParticipant.
        builder.Services.AddGrainStorage(name, static (services, storageName) =>
            ActivatorUtilities.CreateInstance<LiteDbGrainStorage>(services,
                storageName,
                services.GetRequiredService<IOptionsMonitor<LiteDbGrainStorageOptions>>().Get(storageName)));
        return builder;
    }
}
