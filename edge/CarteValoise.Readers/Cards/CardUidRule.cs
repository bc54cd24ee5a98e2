using System.Diagnostics.CodeAnalysis;

namespace CarteValoise.Readers.Cards;

/// <summary>
/// The box's own rule for a card UID: ISO 14443-A UIDs are 4, 7 or 10 bytes, and readers disagree
/// on case and separators ("04:a2:…", "04-A2-…", "04A2…"). The normal form is upper-case
/// hexadecimal without separators — the same form the cloud's CardUid (CarteValoise.Domain)
/// uses. The rule is written again here on purpose: the box must not reference the cloud's
/// projects (dependencies point one way), so if one side changes, change the other.
/// </summary>
public static class CardUidRule
{
    public static bool TryNormalise(string? raw, [NotNullWhen(true)] out string? uid)
    {
        uid = null;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        Span<char> hex = stackalloc char[20];
        var length = 0;
        foreach (var c in raw.AsSpan().Trim())
        {
            if (c is ':' or '-' or ' ') continue;
            if (!char.IsAsciiHexDigit(c) || length == hex.Length) return false;
            hex[length++] = char.ToUpperInvariant(c);
        }
        if (length is not (8 or 14 or 20)) return false; // 4, 7 or 10 bytes
        uid = new string(hex[..length]);
        return true;
    }
}
