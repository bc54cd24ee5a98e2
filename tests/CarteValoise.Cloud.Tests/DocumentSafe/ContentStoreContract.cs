using System.Security.Cryptography;
using CarteValoise.Cloud.DocumentSafe;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>What every store of the documents' contents must do, whichever one configuration chooses.</summary>
internal static class ContentStoreContract
{
    public static readonly DocumentKey Key = DocumentKey.Of(RandomNumberGenerator.GetBytes(32));

    /// <summary>A content of several chunks goes in sealed and comes back whole; the store only ever sees sealed bytes.</summary>
    public static async Task<(string Id, byte[] Plaintext, byte[] Marker)> RoundTripAsync(IDocumentContentStore store)
    {
        var files = new DocumentFiles(store, Key);
        var (pdf, marker) = StoredBytes.LargePdfWithMarker(700_000);
        var id = Guid.NewGuid().ToString("N");

        await files.SaveAsync(id, pdf, CancellationToken.None);

        Assert.Equal(pdf, await files.ReadAsync(id, CancellationToken.None));
        var stored = await store.GetAsync(id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.False(StoredBytes.Contains(stored, marker), "The store holds the plaintext.");
        return (id, pdf, marker);
    }

    public static async Task WrongKeyAndAlterationFailAsync(IDocumentContentStore store)
    {
        var id = Guid.NewGuid().ToString("N");
        await new DocumentFiles(store, Key).SaveAsync(id, SampleFiles.Pdf("Avis d'imposition"), CancellationToken.None);

        await Assert.ThrowsAsync<DocumentUnreadableException>(() =>
            new DocumentFiles(store, DocumentKey.Of(RandomNumberGenerator.GetBytes(32))).ReadAsync(id, CancellationToken.None));

        var altered = (await store.GetAsync(id, CancellationToken.None))!;
        altered[altered.Length / 2] ^= 0x40;
        await store.PutAsync(id, altered, CancellationToken.None);
        await Assert.ThrowsAsync<DocumentUnreadableException>(() => new DocumentFiles(store, Key).ReadAsync(id, CancellationToken.None));
    }

    public static async Task DeleteRemovesAsync(IDocumentContentStore store)
    {
        var files = new DocumentFiles(store, Key);
        var kept = Guid.NewGuid().ToString("N");
        var deleted = Guid.NewGuid().ToString("N");
        await files.SaveAsync(kept, SampleFiles.Png(), CancellationToken.None);
        await files.SaveAsync(deleted, SampleFiles.Png(), CancellationToken.None);

        await files.DeleteAsync(deleted, CancellationToken.None);
        await files.DeleteAsync(deleted, CancellationToken.None);

        Assert.Null(await files.ReadAsync(deleted, CancellationToken.None));
        Assert.Equal(SampleFiles.Png(), await files.ReadAsync(kept, CancellationToken.None));
    }
}
