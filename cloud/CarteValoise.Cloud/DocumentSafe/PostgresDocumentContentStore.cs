using Npgsql;
using NpgsqlTypes;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// The contents in PostgreSQL, table <c>carte_document_content</c> (schema version 2, applied by
/// <c>migrate</c>): one row per content, committed (and so durable) before a put returns. Connections
/// come from Npgsql's shared pools, which the silo empties when the server restarts.
/// </summary>
internal sealed class PostgresDocumentContentStore(string connectionString, TimeProvider time) : IDocumentContentStore
{
    public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PutAsync(string contentId, byte[] sealedContent, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO carte_document_content (content_id, sealed, stored_at) VALUES (@id, @sealed, @storedAt)
            ON CONFLICT (content_id) DO UPDATE SET sealed = EXCLUDED.sealed, stored_at = EXCLUDED.stored_at
            """, connection);
        command.Parameters.AddWithValue("id", contentId);
        command.Parameters.AddWithValue("sealed", NpgsqlDbType.Bytea, sealedContent);
        command.Parameters.AddWithValue("storedAt", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string contentId, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT sealed FROM carte_document_content WHERE content_id = @id", connection);
        command.Parameters.AddWithValue("id", contentId);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task DeleteAsync(string contentId, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM carte_document_content WHERE content_id = @id", connection);
        command.Parameters.AddWithValue("id", contentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
