using System.Security.Cryptography;
using CarteValoise.Cloud.DocumentSafe;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

public sealed class DocumentCipherTests
{
    private static readonly DocumentKey Key = DocumentKey.Of(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_content_hides_the_plaintext_and_opens_back_to_it()
    {
        var (pdf, marker) = StoredBytes.LargePdfWithMarker(2_000);

        var sealedContent = DocumentCipher.Seal(Key, "doc-1", pdf);

        Assert.False(StoredBytes.Contains(sealedContent, marker));
        Assert.Equal(pdf.Length + 29, sealedContent.Length);
        Assert.Equal(pdf, DocumentCipher.Open(Key, "doc-1", sealedContent));
    }

    [Fact]
    public void Each_sealing_uses_a_new_nonce()
    {
        var pdf = SampleFiles.Pdf("Attestation CAF");

        Assert.NotEqual(DocumentCipher.Seal(Key, "doc-1", pdf), DocumentCipher.Seal(Key, "doc-1", pdf));
    }

    [Fact]
    public void Another_key_an_altered_byte_or_another_document_s_id_does_not_open()
    {
        var sealedContent = DocumentCipher.Seal(Key, "doc-1", SampleFiles.Pdf("Livret de famille"));
        var altered = sealedContent.ToArray();
        altered[^10] ^= 0x01;

        Assert.Throws<DocumentUnreadableException>(() => DocumentCipher.Open(DocumentKey.Of(RandomNumberGenerator.GetBytes(32)), "doc-1", sealedContent));
        Assert.Throws<DocumentUnreadableException>(() => DocumentCipher.Open(Key, "doc-1", altered));
        Assert.Throws<DocumentUnreadableException>(() => DocumentCipher.Open(Key, "doc-2", sealedContent));
        Assert.Throws<DocumentUnreadableException>(() => DocumentCipher.Open(Key, "doc-1", sealedContent.AsSpan(0, 20)));
    }
}
