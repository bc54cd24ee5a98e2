using CarteValoise.Cloud.Cluster;
using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Migration;
using CarteValoise.Cloud.Migrations;
using CarteValoise.Cloud.Tests.Cluster;
using CarteValoise.Cloud.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>
/// `export` takes the documents' encrypted contents beside the grain states, and `import` puts them
/// in PostgreSQL, sealed all the way: read there with the same key, they are the files again.
/// </summary>
public sealed class DocumentContentsMoveTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new();
    private readonly TestDatabase _database = TestDatabase.Named();
    private PostgresSettings _postgres = null!;

    private string DataDirectory => Path.Combine(_folder.Path, "data");

    private string ExportPath => _folder.File("cartevaloise.export");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Storage:Kind", "Postgres"),
            new("Storage:Postgres:ConnectionString", _database.ConnectionString),
        ]).Build();
        var error = new StringWriter();
        var exit = await MigrateCommand.RunAsync(settings, TimeProvider.System, TextWriter.Null, error, CancellationToken.None);
        Assert.True(exit == 0, $"migrate ended with {exit}: {error}");
        _postgres = PostgresSettings.From(settings);
    }

    private async Task<(string Id, byte[] Plaintext)[]> StoreAsync(params byte[][] files)
    {
        await using var store = new LiteDbDocumentContentStore(Path.Combine(DataDirectory, LiteDbDocumentContentStore.DefaultFileName));
        var documents = new DocumentFiles(store, ContentStoreContract.Key);
        var stored = files.Select(file => (Id: Guid.NewGuid().ToString("N"), Plaintext: file)).ToArray();
        foreach (var (id, plaintext) in stored) await documents.SaveAsync(id, plaintext, CancellationToken.None);
        return stored;
    }

    private IConfiguration Source() =>
        new ConfigurationBuilder().AddInMemoryCollection([new("DataDirectory", DataDirectory)]).Build();

    [Fact]
    public async Task The_contents_go_sealed_into_the_export_and_open_in_postgresql_with_the_same_key()
    {
        var (large, marker) = StoredBytes.LargePdfWithMarker(600_000);
        var stored = await StoreAsync(large, SampleFiles.Png());
        var reminder = new StringWriter();

        var exported = await DocumentContentsMove.ExportAsync(Source(), ExportPath, reminder, CancellationToken.None);
        var import = await DocumentContentsMove.PrepareImportAsync(_postgres, ExportPath, replace: false, CancellationToken.None);
        var imported = await import!(CancellationToken.None);

        Assert.Equal((2L, ExportPath + ".documents"), exported);
        Assert.False(StoredBytes.Contains(await File.ReadAllBytesAsync(ExportPath + ".documents"), marker));
        Assert.Equal(
            $"Les documents restent chiffrés avec la clé de {Path.Combine(DataDirectory, DocumentKey.FileName)} : donnez son contenu au cluster " +
            "(DocumentSafe:Key) avant de le démarrer, sans quoi ils seront illisibles.",
            reminder.ToString().Trim());
        Assert.Equal(2, imported);
        var cluster = new DocumentFiles(new PostgresDocumentContentStore(_database.ConnectionString, TimeProvider.System), ContentStoreContract.Key);
        foreach (var (id, plaintext) in stored) Assert.Equal(plaintext, await cluster.ReadAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Contents_already_in_postgresql_are_replaced_only_when_asked()
    {
        await StoreAsync(SampleFiles.Pdf("Livret"));
        await DocumentContentsMove.ExportAsync(Source(), ExportPath, TextWriter.Null, CancellationToken.None);
        await (await DocumentContentsMove.PrepareImportAsync(_postgres, ExportPath, replace: false, CancellationToken.None))!(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<MigrationFailure>(() => DocumentContentsMove.PrepareImportAsync(_postgres, ExportPath, replace: false, CancellationToken.None));
        var replaced = await (await DocumentContentsMove.PrepareImportAsync(_postgres, ExportPath, replace: true, CancellationToken.None))!(CancellationToken.None);

        Assert.Equal(MigrationExitCodes.TargetNotEmpty, refused.ExitCode);
        Assert.Equal(1, replaced);
        Assert.Equal([1L], await _database.ColumnAsync<long>("SELECT count(*) FROM carte_document_content"));
    }

    [Fact]
    public async Task A_damaged_file_is_refused_whole_and_nothing_is_written()
    {
        await StoreAsync(SampleFiles.Pdf("Avis"), SampleFiles.Png());
        await DocumentContentsMove.ExportAsync(Source(), ExportPath, TextWriter.Null, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(ExportPath + ".documents");
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(ExportPath + ".documents", bytes);

        var refused = await Assert.ThrowsAsync<MigrationFailure>(() => DocumentContentsMove.PrepareImportAsync(_postgres, ExportPath, replace: false, CancellationToken.None));

        Assert.Equal(MigrationExitCodes.CorruptFile, refused.ExitCode);
        Assert.StartsWith($"Le fichier des documents « {ExportPath}.documents » est corrompu : ", refused.Message);
        Assert.Equal([0L], await _database.ColumnAsync<long>("SELECT count(*) FROM carte_document_content"));
    }

    [Fact]
    public async Task A_silo_without_a_document_store_exports_no_documents_file()
    {
        Assert.Null(await DocumentContentsMove.ExportAsync(Source(), ExportPath, TextWriter.Null, CancellationToken.None));
        Assert.Null(await DocumentContentsMove.PrepareImportAsync(_postgres, ExportPath, replace: false, CancellationToken.None));
        Assert.False(File.Exists(ExportPath + ".documents"));
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await _database.DisposeAsync();
        _folder.Dispose();
    }
}
