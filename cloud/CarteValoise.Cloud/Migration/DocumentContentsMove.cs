using CarteValoise.Cloud.Cluster;
using CarteValoise.Cloud.DocumentSafe;
using Npgsql;
using NpgsqlTypes;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// Moves the documents' encrypted contents with the grain states: <c>export</c> writes the embedded
/// store's contents beside its file (<see cref="DocumentContentsFile"/>), <c>import</c> puts them
/// in PostgreSQL's <c>carte_document_content</c>, then reads each back and compares it. They stay
/// sealed all the way: the key never enters the files.
/// </summary>
internal static class DocumentContentsMove
{
    /// <summary>The contents of the silo's store into <c>&lt;target&gt;.documents</c>; null when the silo has no document store yet.</summary>
    public static async Task<(long Count, string Path)?> ExportAsync(IConfiguration configuration, string target, TextWriter error, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
        var source = DocumentSafeRegistration.LiteDbPath(configuration, dataDirectory);
        if (!File.Exists(source)) return null;
        var path = DocumentContentsFile.PathFor(target);
        if (File.Exists(path))
            throw new MigrationFailure(MigrationExitCodes.TargetNotEmpty, $"Le fichier « {path} » existe déjà : un export ne remplace jamais un fichier, choisissez un autre nom.");

        await using var store = new LiteDbDocumentContentStore(source);
        try
        {
            await store.OpenAsync(cancellationToken);
        }
        catch (IOException busy)
        {
            throw new MigrationFailure(MigrationExitCodes.SourceInUse,
                $"Le fichier des documents « {source} » est ouvert par un silo : arrêtez-le avant l'export. Rien n'a été exporté.", busy);
        }
        var ids = await store.ListIdsAsync(cancellationToken);
        await DocumentContentsFile.WriteAsync(path, ids, id => store.GetAsync(id, cancellationToken));
        if (string.IsNullOrWhiteSpace(configuration[DocumentKey.ConfigurationKey]))
            await error.WriteLineAsync(
                $"Les documents restent chiffrés avec la clé de {Path.Combine(dataDirectory, DocumentKey.FileName)} : donnez son contenu au cluster " +
                $"({DocumentKey.ConfigurationKey}) avant de le démarrer, sans quoi ils seront illisibles.");
        return (ids.Count, path);
    }

    /// <summary>
    /// The contents beside <paramref name="exportPath"/>, checked whole before anything is written
    /// (null when the export has none); refused when PostgreSQL already holds contents, unless replacing.
    /// </summary>
    public static async Task<Func<CancellationToken, Task<long>>?> PrepareImportAsync(PostgresSettings settings, string exportPath, bool replace, CancellationToken cancellationToken)
    {
        var path = DocumentContentsFile.PathFor(exportPath);
        if (!File.Exists(path)) return null;
        var contents = DocumentContentsFile.Read(path);
        if (!replace && await ScalarAsync<long>(settings, "SELECT count(*) FROM carte_document_content", cancellationToken) > 0)
            throw new MigrationFailure(MigrationExitCodes.TargetNotEmpty,
                "PostgreSQL tient déjà des contenus de documents (carte_document_content) : relancez avec --replace pour les remplacer. Rien n'a été écrit.");
        return async cancellation =>
        {
            await using (var connection = await OpenAsync(settings, cancellation))
            await using (var transaction = await connection.BeginTransactionAsync(cancellation))
            {
                if (replace)
                    await using (var clear = new NpgsqlCommand("DELETE FROM carte_document_content", connection, transaction))
                        await clear.ExecuteNonQueryAsync(cancellation);
                foreach (var content in contents)
                {
                    await using var insert = new NpgsqlCommand(
                        "INSERT INTO carte_document_content (content_id, sealed, stored_at) VALUES (@id, @sealed, now())", connection, transaction);
                    insert.Parameters.AddWithValue("id", content.Id);
                    insert.Parameters.AddWithValue("sealed", NpgsqlDbType.Bytea, content.Sealed);
                    await insert.ExecuteNonQueryAsync(cancellation);
                }
                await transaction.CommitAsync(cancellation);
            }

            var store = new PostgresDocumentContentStore(settings.ConnectionString, TimeProvider.System);
            var differing = new List<string>();
            foreach (var content in contents)
                if (await store.GetAsync(content.Id, cancellation) is not { } stored || !stored.AsSpan().SequenceEqual(content.Sealed)) differing.Add(content.Id);
            var held = await ScalarAsync<long>(settings, "SELECT count(*) FROM carte_document_content", cancellation);
            if (differing.Count > 0 || held != contents.Count)
                throw new MigrationFailure(MigrationExitCodes.VerificationFailed,
                    $"Les contenus de documents relus ne sont pas ceux du fichier ({differing.Count} différent(s), {held} dans PostgreSQL pour {contents.Count}).");
            return contents.Count;
        };
    }

    private static async Task<T> ScalarAsync<T>(PostgresSettings settings, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(settings, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(PostgresSettings settings, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (PostgresFailures.IsUnreachable(e))
        {
            await connection.DisposeAsync();
            throw new MigrationFailure(MigrationExitCodes.DatabaseUnreachable, PostgresFailures.UnreachableMessage(settings, e), e);
        }
    }
}
