using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Migrations;
using CarteValoise.Cloud.Tests.Cluster;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>
/// The cluster's store: table carte_document_content of schema version 2, on the test PostgreSQL
/// server (CARTEVALOISE_TEST_POSTGRES, started by tests/run.sh), in a database migrated as an operator would.
/// </summary>
public sealed class PostgresDocumentContentStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Named();
    private PostgresDocumentContentStore _store = null!;

    public async Task InitializeAsync()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Storage:Kind", "Postgres"),
            new("Storage:Postgres:ConnectionString", _database.ConnectionString),
        ]).Build();
        var error = new StringWriter();
        var exit = await MigrateCommand.RunAsync(settings, TimeProvider.System, TextWriter.Null, error, CancellationToken.None);
        Assert.True(exit == 0, $"migrate ended with {exit}: {error}");
        _store = new PostgresDocumentContentStore(_database.ConnectionString, TimeProvider.System);
    }

    [Fact]
    public async Task The_bytes_in_the_table_are_not_the_plaintext_and_come_back_whole()
    {
        var (id, _, marker) = await ContentStoreContract.RoundTripAsync(_store);

        var rows = await _database.ColumnAsync<byte[]>($"SELECT sealed FROM carte_document_content WHERE content_id = '{id}'");
        Assert.False(StoredBytes.Contains(Assert.Single(rows), marker));
    }

    [Fact]
    public async Task A_wrong_key_or_an_altered_ciphertext_fails() => await ContentStoreContract.WrongKeyAndAlterationFailAsync(_store);

    [Fact]
    public async Task A_deleted_content_is_gone_and_the_others_stay()
    {
        await ContentStoreContract.DeleteRemovesAsync(_store);

        Assert.Equal([1L], await _database.ColumnAsync<long>("SELECT count(*) FROM carte_document_content"));
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await _database.DisposeAsync();
    }
}
