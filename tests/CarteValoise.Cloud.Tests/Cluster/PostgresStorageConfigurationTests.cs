using CarteValoise.Cloud.Cluster;
using CarteValoise.Cloud.Storage;
using CarteValoise.Cloud.Tests.Storage;
using CarteValoise.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>Storage:Kind=Postgres puts the grains in PostgreSQL, in the same bytes as the embedded default.</summary>
public sealed class PostgresStorageConfigurationTests
{
    private const string ConnectionString = "Host=127.0.0.1;Port=55432;Username=cartevaloise;Database=cartevaloise";

    [Fact]
    public void The_grains_go_to_PostgreSQL_through_Npgsql_in_Orleans_binary_format()
    {
        var options = OptionsOf(Register(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = ConnectionString,
        }));

        Assert.Equal("Npgsql", options.Invariant);
        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.IsType<OrleansGrainStorageSerializer>(options.GrainStorageSerializer);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_key()
    {
        var refused = Assert.Throws<ClusterConfigurationException>(() =>
            Register(new Dictionary<string, string?> { ["Storage:Kind"] = "Postgres" }));

        Assert.Equal(
            "Storage:Postgres:ConnectionString manque : donnez la chaîne de connexion PostgreSQL (Host=…;Port=…;Username=…;Password=…;Database=…). / " +
            "Storage:Postgres:ConnectionString is missing: give the PostgreSQL connection string.",
            refused.Message);
    }

    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSerializer(_ => { });
        new Silo(services, configuration).AddCarteGrainStorage(configuration, "/srv/carte/data");
        return services;
    }

    private static AdoNetGrainStorageOptions OptionsOf(ServiceCollection services)
    {
        // A silo's default serializer is JSON: the one the options end up with must not be it.
        services.AddSingleton<IGrainStorageSerializer>(new TestJsonSerializer());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(GrainKeys.StorageName);
    }

    private sealed class Silo(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;
        public IConfiguration Configuration { get; } = configuration;
    }
}
