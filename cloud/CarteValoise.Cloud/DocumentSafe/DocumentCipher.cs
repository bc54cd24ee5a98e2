using System.Security.Cryptography;
using System.Text;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>A stored content that does not decrypt: altered, truncated, or sealed under another key.</summary>
public sealed class DocumentUnreadableException(string contentId, Exception? cause)
    : Exception($"Le contenu du document {contentId} ne se déchiffre pas (modifié, tronqué, ou chiffré avec une autre clé).", cause);

/// <summary>
/// AES-256-GCM, one random nonce per file: <c>version (1) · nonce (12) · tag (16) · ciphertext</c>.
/// The document's id is authenticated with it, so a content moved under another document's id does
/// not decrypt either.
/// </summary>
public static class DocumentCipher
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    public static byte[] Seal(DocumentKey key, string contentId, ReadOnlySpan<byte> plaintext)
    {
        var sealedContent = new byte[HeaderBytes + plaintext.Length];
        sealedContent[0] = Version;
        var nonce = sealedContent.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedContent.AsSpan(HeaderBytes), sealedContent.AsSpan(1 + NonceBytes, TagBytes), Associated(contentId));
        return sealedContent;
    }

    public static byte[] Open(DocumentKey key, string contentId, ReadOnlySpan<byte> sealedContent)
    {
        if (sealedContent.Length < HeaderBytes || sealedContent[0] != Version) throw new DocumentUnreadableException(contentId, null);
        var plaintext = new byte[sealedContent.Length - HeaderBytes];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagBytes);
            aes.Decrypt(sealedContent.Slice(1, NonceBytes), sealedContent[HeaderBytes..], sealedContent.Slice(1 + NonceBytes, TagBytes), plaintext, Associated(contentId));
        }
        catch (CryptographicException wrong)
        {
            throw new DocumentUnreadableException(contentId, wrong);
        }
        return plaintext;
    }

    private static byte[] Associated(string contentId) => Encoding.UTF8.GetBytes($"cartevaloise/document/{contentId}");
}
