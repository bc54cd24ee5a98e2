using Npgsql;

namespace CarteValoise.Cloud.Migrations;

/// <summary>
/// Orleans' PostgreSQL scripts (Migrations/Orleans, embedded), in the order Orleans requires: Main
/// first, then clustering, persistence and reminders. They create without "IF NOT EXISTS", so each
/// runs only where the table it creates is absent; that table is the proof the script was applied.
/// </summary>
public static class OrleansScripts
{
    public sealed record Script(string Name, string ProvenBy)
    {
        public string ResourceName => $"Orleans.PostgreSQL-{Name}.sql";

        public string ReadText()
        {
            using var stream = typeof(OrleansScripts).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(OrleansScripts).Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static IReadOnlyList<Script> InOrder { get; } =
    [
        new("Main", "orleansquery"),
        new("Clustering", "orleansmembershiptable"),
        new("Persistence", "orleansstorage"),
        new("Reminders", "orleansreminderstable"),
    ];

    /// <summary>Applies those not applied yet; returns the names of those it applied.</summary>
    public static async Task<IReadOnlyList<string>> ApplyMissingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        foreach (var script in InOrder)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
            exists.Parameters.AddWithValue("table", script.ProvenBy);
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!) continue;
            await using var apply = new NpgsqlCommand(script.ReadText(), connection, transaction);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(script.Name);
        }
        return applied;
    }
}
