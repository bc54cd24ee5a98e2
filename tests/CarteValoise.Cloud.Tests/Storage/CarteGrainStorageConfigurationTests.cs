using CarteValoise.Cloud.Storage;
using CarteValoise.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>Configuration alone chooses the grain storage of CarteValoise.</summary>
public sealed class CarteGrainStorageConfigurationTests
{
    private const string DataDirectory = "/srv/carte/data";

    [Fact]
    public void Without_configuration_the_grains_are_stored_in_carte_grains_db_of_the_data_directory()
    {
        var services = Register(new Dictionary<string, string?>());

        Assert.Equal(Path.Combine(DataDirectory, "carte-grains.db"), FilePathOf(services));
        Assert.Contains(services, d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, GrainKeys.StorageName));
    }

    [Fact]
    public void Storage_LiteDb_Path_chooses_the_file()
    {
        var services = Register(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "litedb",
            ["Storage:LiteDb:Path"] = "/var/lib/carte/etat.db",
        });

        Assert.Equal("/var/lib/carte/etat.db", FilePathOf(services));
    }

    [Fact]
    public void A_relative_Storage_LiteDb_Path_is_taken_from_the_data_directory()
    {
        var services = Register(new Dictionary<string, string?> { ["Storage:LiteDb:Path"] = "grains/etat.db" });

        Assert.Equal(Path.Combine(DataDirectory, "grains/etat.db"), FilePathOf(services));
    }

    [Fact]
    public void An_unknown_kind_is_refused_naming_the_supported_ones()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            Register(new Dictionary<string, string?> { ["Storage:Kind"] = "PostgreSQL" }));

        Assert.Equal(
            "Storage:Kind « PostgreSQL » n'est pas un stockage de grains connu. Valeurs possibles : LiteDb, Postgres.",
            refused.Message);
    }

    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // A silo always has Orleans' serializer; the grain state is written with it.
        services.AddSerializer(_ => { });
        new Silo(services, configuration).AddCarteGrainStorage(configuration, DataDirectory);
        return services;
    }

    private static string FilePathOf(ServiceCollection services) => OptionsOf(services).FilePath;

    private static LiteDbGrainStorageOptions OptionsOf(ServiceCollection services)
    {
        services.AddSingleton<IGrainStorageSerializer>(new TestJsonSerializer());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<LiteDbGrainStorageOptions>>().Get(GrainKeys.StorageName);
    }

    [Fact]
    public void Grain_state_is_written_in_Orleans_binary_format_not_the_silos_default_json() =>
        Assert.IsType<OrleansGrainStorageSerializer>(OptionsOf(Register(new Dictionary<string, string?>())).GrainStorageSerializer);

    private sealed class Silo(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;
        public IConfiguration Configuration { get; } = configuration;
    }
}
