using CarteValoise.Cloud.Cluster;
using CarteValoise.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CarteValoise.Cloud.Storage;

public static class CarteGrainStorageSiloBuilderExtensions
{
    /// <summary>The storage kinds <c>Storage:Kind</c> accepts.</summary>
    public static IReadOnlyList<string> SupportedKinds { get; } = ["LiteDb", "Postgres"];

    /// <summary>
    /// Registers the storage every CarteValoise grain uses (<see cref="GrainKeys.StorageName"/>), of the
    /// kind configuration names: <c>Storage:Kind</c> (default <c>LiteDb</c>) and, for LiteDB,
    /// <c>Storage:LiteDb:Path</c> (default <c>carte-grains.db</c>; a relative path is taken from
    /// <paramref name="dataDirectory"/>); for PostgreSQL, <c>Storage:Postgres:ConnectionString</c>, on
    /// the schema that <c>CarteValoise.Cloud migrate</c> applies.
    /// </summary>
    public static ISiloBuilder AddCarteGrainStorage(this ISiloBuilder builder, IConfiguration configuration, string dataDirectory)
    {
        var kind = configuration["Storage:Kind"];
        if (string.IsNullOrWhiteSpace(kind) || string.Equals(kind, "LiteDb", StringComparison.OrdinalIgnoreCase))
        {
            var configured = configuration["Storage:LiteDb:Path"];
            var path = Path.Combine(dataDirectory, string.IsNullOrWhiteSpace(configured) ? "carte-grains.db" : configured);
            UseOrleansBinaryState(builder);
            return builder.AddLiteDbGrainStorage(GrainKeys.StorageName, options => options.FilePath = path);
        }

        if (PostgresSettings.IsSelected(configuration))
        {
            var postgres = PostgresSettings.From(configuration);
            // The same bytes as in LiteDB: `export`/`import` move a state between them unchanged.
            UseOrleansBinaryState(builder);
            return builder.AddAdoNetGrainStorage(GrainKeys.StorageName, options =>
            {
                options.Invariant = PostgresSettings.Invariant;
                options.ConnectionString = postgres.ConnectionString;
            });
        }

        throw new InvalidOperationException(
            $"Storage:Kind « {kind} » n'est pas un stockage de grains connu. Valeurs possibles : {string.Join(", ", SupportedKinds)}.");
    }

    /// <summary>
    /// Grain state is stored in Orleans' own binary format rather than the default JSON: every state
    /// type is a <c>[GenerateSerializer]</c> class whose <c>[Id]</c>s make it version-tolerant, it is
    /// several times smaller and faster than JSON, and it round-trips DateOnly, records and sets
    /// exactly. Chosen before any real data exists: a file written in one format cannot be read in the other.
    /// </summary>
    private static void UseOrleansBinaryState(ISiloBuilder builder) =>
        builder.Services.AddKeyedSingleton<IGrainStorageSerializer>(GrainKeys.StorageName,
            (services, _) => ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services));
}
