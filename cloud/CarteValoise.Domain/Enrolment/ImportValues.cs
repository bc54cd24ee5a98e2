using System.Globalization;
using System.Text.RegularExpressions;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// Values as French exports write them: dates «03/05/2018» (sometimes «03/05/2018 00:00:00»
/// from a spreadsheet), amounts «1 250» or «650,00», «oui»/«non», days «lun,mar,jeu,ven» or «L M J V».
/// </summary>
internal static partial class ImportValues
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d"];

    public static bool TryDate(string text, out DateOnly date)
    {
        var day = MidnightSuffix().Replace(text.Trim(), "");
        return DateOnly.TryParseExact(day, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>«03/05/2018»: as the file writes it, so the agent recognises the value.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public const string DateExpected = "attendu : jj/mm/aaaa, par exemple 03/05/2018";

    /// <summary>A quotient familial in euros, or null when it is not a number; the fraction of a euro is reported apart.</summary>
    public static bool TryAmount(string text, out decimal amount)
    {
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray());
        if (DotThousands().IsMatch(digits)) digits = digits.Replace(".", "");
        return decimal.TryParse(digits.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    public static bool? YesNo(string text) => TextKey.Of(text) switch
    {
        "" or "non" or "n" or "0" or "faux" or "false" or "no" => false,
        "oui" or "o" or "1" or "x" or "vrai" or "true" or "yes" => true,
        _ => null,
    };

    private static readonly Dictionary<string, DayOfWeek> DayNames = new()
    {
        ["l"] = DayOfWeek.Monday, ["lu"] = DayOfWeek.Monday, ["lun"] = DayOfWeek.Monday, ["lundi"] = DayOfWeek.Monday,
        ["m"] = DayOfWeek.Tuesday, ["ma"] = DayOfWeek.Tuesday, ["mar"] = DayOfWeek.Tuesday, ["mardi"] = DayOfWeek.Tuesday,
        ["me"] = DayOfWeek.Wednesday, ["mer"] = DayOfWeek.Wednesday, ["merc"] = DayOfWeek.Wednesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["j"] = DayOfWeek.Thursday, ["je"] = DayOfWeek.Thursday, ["jeu"] = DayOfWeek.Thursday, ["jeudi"] = DayOfWeek.Thursday,
        ["v"] = DayOfWeek.Friday, ["ve"] = DayOfWeek.Friday, ["ven"] = DayOfWeek.Friday, ["vend"] = DayOfWeek.Friday, ["vendredi"] = DayOfWeek.Friday,
    };

    /// <summary>
    /// The weekdays written, or the first word that is not one. In school timetables «M» is
    /// mardi and mercredi is «Me»: «L M J V» is the four-day week. «LMJV» in one word reads the same.
    /// </summary>
    public static (IReadOnlyList<DayOfWeek> Days, string? NotADay) Days(string text)
    {
        var days = new SortedSet<DayOfWeek>(Comparer<DayOfWeek>.Create((a, b) => Monday(a).CompareTo(Monday(b))));
        foreach (var word in DaySeparators().Split(text.Trim()).Where(w => w.Length > 0))
        {
            var key = TextKey.Of(word);
            if (DayNames.TryGetValue(key, out var day)) days.Add(day);
            else if (key.Length > 1 && key.All(c => c is 'l' or 'm' or 'j' or 'v')) days.UnionWith(key.Select(c => DayNames[c.ToString()]));
            else return ([.. days], word);
        }
        return ([.. days], null);
    }

    private static int Monday(DayOfWeek day) => ((int)day + 6) % 7;

    public static string Number(long value) => FrenchText.Number(value);

    [GeneratedRegex(@"\s+0?0:00(:00)?$")]
    private static partial Regex MidnightSuffix();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex DotThousands();

    [GeneratedRegex(@"[\s,;/+]+")]
    private static partial Regex DaySeparators();
}
