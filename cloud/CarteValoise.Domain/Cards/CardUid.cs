using System.Diagnostics.CodeAnalysis;

namespace CarteValoise.Domain.Cards;

/// <summary>
/// The UID of an ISO 14443-A card as readers report it: 4, 7 or 10 bytes. Readers disagree on
/// case and separators ("04:A2:..", "04a2.."), so every tier compares the normalised form:
/// upper-case hexadecimal without separators.
/// </summary>
public readonly record struct CardUid
{
    public string Value { get; }

    private CardUid(string value) => Value = value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out CardUid? uid)
    {
        uid = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        Span<char> hex = stackalloc char[32];
        var length = 0;
        foreach (var c in text.Trim())
        {
            if (c is ':' or '-' or ' ') continue;
            if (!char.IsAsciiHexDigit(c) || length == hex.Length) return false;
            hex[length++] = char.ToUpperInvariant(c);
        }
        if (length is not (8 or 14 or 20)) return false;
        uid = new CardUid(new string(hex[..length]));
        return true;
    }

    public static CardUid Parse(string text) =>
        TryParse(text, out var uid) ? uid.Value : throw new FormatException($"« {text} » n'est pas un identifiant de carte valide (4, 7 ou 10 octets en hexadécimal).");

    public override string ToString() => Value;
}
