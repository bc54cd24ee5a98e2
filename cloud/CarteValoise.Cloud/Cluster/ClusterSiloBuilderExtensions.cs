using System.Net;
using Orleans.Configuration;

namespace CarteValoise.Cloud.Cluster;

public static class ClusterSiloBuilderExtensions
{
    /// <summary>
    /// How the silo finds the others. The embedded default (LiteDB) is one silo on localhost. In
    /// Postgres mode the silos of one <c>Orleans:ClusterId</c> meet in PostgreSQL's membership
    /// table and keep their reminders there; each advertises <c>Orleans:AdvertisedIp</c> (default
    /// 127.0.0.1) with <c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c>. The grain storage is
    /// chosen separately, by <c>AddCarteGrainStorage</c>.
    /// </summary>
    public static ISiloBuilder UseCarteClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        if (!PostgresSettings.IsSelected(configuration))
            return silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: gatewayPort);

        var postgres = PostgresSettings.From(configuration);
        var advertised = configuration["Orleans:AdvertisedIp"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(advertised, out var advertisedIp))
            throw new ClusterConfigurationException(
                $"Orleans:AdvertisedIp « {advertised} » n'est pas une adresse IP. / Orleans:AdvertisedIp \"{advertised}\" is not an IP address.");

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = configuration["Orleans:ClusterId"] ?? "cartevaloise";
            options.ServiceId = configuration["Orleans:ServiceId"] ?? "cartevaloise";
        });
        silo.ConfigureEndpoints(advertisedIp, siloPort, gatewayPort);
        // A grain whose storage call failed while the database restarted answers its caller on
        // another silo with Npgsql's exception inside Orleans'; without this, that answer cannot be
        // serialized, and the caller gets a codec error (UNKNOWN to a client) instead of a database
        // failure (UNAVAILABLE, retried).
        silo.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        // Orleans loads Npgsql's DbProviderFactory itself from the invariant name (its ADO.NET
        // providers map "Npgsql" to Npgsql.NpgsqlFactory): referencing the package is the registration.
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresSettings.Invariant;
            options.ConnectionString = postgres.ConnectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = PostgresSettings.Invariant;
            options.ConnectionString = postgres.ConnectionString;
        });
        return silo;
    }
}
