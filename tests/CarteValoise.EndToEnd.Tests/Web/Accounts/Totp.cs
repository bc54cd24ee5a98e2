using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// An authenticator app, as RFC 6238 defines it: HMAC-SHA1 over the 30-second step, 6 digits. The
/// tests compute codes from the secret the portal shows, as a phone would from the QR code.
/// </summary>
public static class Totp
{
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Secret), counter);
        var offset = hash[^1] & 0x0F;
        var number = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
