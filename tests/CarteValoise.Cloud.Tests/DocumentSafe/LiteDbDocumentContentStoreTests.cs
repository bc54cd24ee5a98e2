using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Tests.Storage;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>The embedded store: a LiteDB file of its own, encrypted contents, durable across a reopening.</summary>
public sealed class LiteDbDocumentContentStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string DataFile => _directory.File(LiteDbDocumentContentStore.DefaultFileName);

    [Fact]
    public async Task The_bytes_on_disk_are_not_the_plaintext_and_a_reopened_file_gives_the_content_back()
    {
        string id;
        byte[] pdf, marker;
        await using (var store = new LiteDbDocumentContentStore(DataFile))
        {
            await store.OpenAsync(CancellationToken.None);
            (id, pdf, marker) = await ContentStoreContract.RoundTripAsync(store);
        }

        // The data file and its log, as anyone copying the folder would read them.
        var onDisk = Directory.GetFiles(_directory.Path).Select(File.ReadAllBytes).ToList();
        Assert.Contains(onDisk, bytes => bytes.Length > pdf.Length);
        Assert.All(onDisk, bytes => Assert.False(StoredBytes.Contains(bytes, marker), "A file of the store holds the plaintext."));
        await using var reopened = new LiteDbDocumentContentStore(DataFile);
        Assert.Equal(pdf, await new DocumentFiles(reopened, ContentStoreContract.Key).ReadAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_key_or_an_altered_ciphertext_fails()
    {
        await using var store = new LiteDbDocumentContentStore(DataFile);
        await ContentStoreContract.WrongKeyAndAlterationFailAsync(store);
    }

    [Fact]
    public async Task A_deleted_content_is_gone_and_the_others_stay()
    {
        await using var store = new LiteDbDocumentContentStore(DataFile);
        await ContentStoreContract.DeleteRemovesAsync(store);
    }

    [Fact]
    public async Task Concurrent_puts_and_reads_each_land_whole()
    {
        await using var store = new LiteDbDocumentContentStore(DataFile);
        var files = new DocumentFiles(store, ContentStoreContract.Key);
        var contents = Enumerable.Range(0, 12).Select(i => (Id: $"doc-{i}", Pdf: SampleFiles.Pdf($"Justificatif {i} " + new string('x', 300_000 * (i % 3))))).ToList();

        await Task.WhenAll(contents.Select(c => Task.Run(() => files.SaveAsync(c.Id, c.Pdf, CancellationToken.None))));
        var read = await Task.WhenAll(contents.Select(c => Task.Run(() => files.ReadAsync(c.Id, CancellationToken.None))));

        Assert.Equal(contents.Select(c => c.Pdf), read);
    }

    [Fact]
    public async Task A_second_process_on_the_same_file_is_refused()
    {
        await using var first = new LiteDbDocumentContentStore(DataFile);
        await first.OpenAsync(CancellationToken.None);
        await using var second = new LiteDbDocumentContentStore(DataFile);

        var refused = await Assert.ThrowsAsync<IOException>(() => second.OpenAsync(CancellationToken.None));

        Assert.Contains("déjà ouvert par un autre processus", refused.Message);
    }

    public void Dispose() => _directory.Dispose();
}
