using System.Globalization;
using System.Text;
using CarteValoise.Contracts.Canteen;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>
/// The kitchen's list of one school day as French Excel opens it with a double click: UTF-8 with a
/// byte order mark (else accents come out garbled), ';' between fields (',' is the decimal comma),
/// CRLF line ends, one child a line, in the cloud's order
/// (by class, from the youngest, then by name), the printed list's.
/// </summary>
public static class KitchenCsv
{
    public const string Header = "École;Date;Classe;Nom;Prénom;Réservé;Présent;Allergie (PAI)";

    public static string FileName(SchoolDayReport report) => $"cuisine-{Safe(report.SchoolId)}-{report.Date}.csv";

    public static byte[] Write(SchoolDayReport report)
    {
        var day = DateOnly.ParseExact(report.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var text = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var child in report.Children)
        {
            text.AppendJoin(';',
                    Field(report.SchoolName), day, Field(child.Class), Field(child.LastName), Field(child.FirstName),
                    YesNo(child.Reserved), YesNo(child.Present), YesNo(child.AllergyPlan))
                .Append("\r\n");
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static string YesNo(bool value) => value ? "oui" : "non";

    /// <summary>
    /// Quoted when it holds a separator, a quote or a line end. A name that starts like a formula
    /// (=, +, -, @) gets a leading apostrophe, so that Excel shows it instead of computing it.
    /// </summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Safe(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);
}
