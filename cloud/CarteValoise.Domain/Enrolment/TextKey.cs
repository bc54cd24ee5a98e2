using System.Globalization;
using System.Text;

namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// A text reduced to what a person means by it, to match what different software and different
/// hands write: «N° famille», «No Famille» and «n°famille» are one column; «3, rue des Lilas» and
/// «3 RUE DES LILAS» one address. Accents and case are dropped, «œ» is «oe», and any run of
/// punctuation or spaces is one space.
/// </summary>
public static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var key = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c < 0x80) Add(c);
            else if (c < FoldedLatin.Length) foreach (var folded in FoldedLatin[c] ??= Fold(c)) Add(folded);
            else foreach (var folded in Fold(c)) Add(folded);
        }
        return key.ToString();

        void Add(char c)
        {
            var lower = char.ToLowerInvariant(c);
            if (!char.IsLetterOrDigit(lower) || lower is 'º' or 'ª')
            {
                space = true;
                return;
            }
            if (space && key.Length > 0) key.Append(' ');
            space = false;
            key.Append(lower);
        }
    }

    /// <summary>
    /// The Latin letters French names and addresses use, each folded once: normalising every
    /// value would cost more than the rest of reading a 20 000-row file.
    /// </summary>
    private static readonly string?[] FoldedLatin = new string?[0x250];

    private static string Fold(char c) => c switch
    {
        'œ' or 'Œ' => "oe",
        'æ' or 'Æ' => "ae",
        'ß' => "ss",
        _ when char.IsSurrogate(c) => "", // an emoji or a lone half of one: no letter to compare
        _ => string.Concat(c.ToString().Normalize(NormalizationForm.FormD)
            .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)),
    };

    /// <summary>Each line <see cref="Tidy"/>, empty lines dropped: an address keeps its second line («bât. B»).</summary>
    public static string TidyLines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n').Select(Tidy).Where(line => line.Length > 0));

    /// <summary>Trimmed, with inner runs of white space (line breaks included) made one space: how a value is kept.</summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var tidy = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) tidy.Append(' ');
            space = false;
            tidy.Append(c);
        }
        return tidy.ToString();
    }
}
