using System.Security.Cryptography;

namespace CarteValoise.Domain.Boxes;

/// <summary>
/// The one-time code an agent reads out or types on a new box: 10 characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), shown as "ABCDE-FGHJK". About 50 bits: with the short
/// validity and single use, guessing one is out of reach.
/// </summary>
public static class EnrolmentCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;
    public static readonly TimeSpan Validity = TimeSpan.FromHours(48);

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{new string(code[..5])}-{new string(code[5..])}";
    }

    /// <summary>What the agent typed, upper-cased and without separators; null if it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var kept = new string(typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return kept.Length == Length && kept.All(c => Alphabet.Contains(c)) ? kept : null;
    }
}
