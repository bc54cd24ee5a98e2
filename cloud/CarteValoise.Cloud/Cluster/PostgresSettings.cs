using Npgsql;

namespace CarteValoise.Cloud.Cluster;

/// <summary>
/// Where the cluster keeps its state: <c>Storage:Kind</c> = <c>Postgres</c> and
/// <c>Storage:Postgres:ConnectionString</c> (Npgsql form). Read once, checked once, so that every
/// consumer (silo, schema check, migrate) refuses a bad setting with the same sentence.
/// </summary>
public sealed record PostgresSettings(string ConnectionString)
{
    /// <summary>The ADO.NET invariant the Orleans providers know Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    public const string ConnectionStringKey = "Storage:Postgres:ConnectionString";

    public static bool IsSelected(IConfiguration configuration) =>
        string.Equals(configuration["Storage:Kind"], "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings, or a refusal in French and English naming the key to set.</summary>
    public static PostgresSettings From(IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ClusterConfigurationException(
                $"{ConnectionStringKey} manque : donnez la chaîne de connexion PostgreSQL (Host=…;Port=…;Username=…;Password=…;Database=…). / " +
                $"{ConnectionStringKey} is missing: give the PostgreSQL connection string.");
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(parsed.Database))
                throw new ClusterConfigurationException(
                    $"{ConnectionStringKey} ne nomme pas de base (Database=…). / {ConnectionStringKey} names no database (Database=…).");
        }
        catch (ArgumentException problem)
        {
            throw new ClusterConfigurationException(
                $"{ConnectionStringKey} n'est pas une chaîne de connexion Npgsql valide : {problem.Message} / " +
                $"{ConnectionStringKey} is not a valid Npgsql connection string.");
        }
        return new PostgresSettings(connectionString);
    }

    public string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>Host, port and database, never the password: what an operator needs in a message.</summary>
    public string Describe()
    {
        var parsed = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"Host={parsed.Host};Port={parsed.Port};Database={parsed.Database}";
    }
}

/// <summary>A setting that prevents the cloud from starting; its message is for the operator, as is.</summary>
public sealed class ClusterConfigurationException(string message) : Exception(message);
