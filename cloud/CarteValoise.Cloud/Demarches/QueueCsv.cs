using System.Globalization;
using System.Text;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The agents' queue as a spreadsheet opens it: UTF-8 with a byte order mark (so that Excel reads the
/// accents), ';' between cells (the French list separator), a header line, times in Paris. A cell
/// a spreadsheet would take for a formula (a name typed «=…» by someone) is written as text.
/// </summary>
public static class QueueCsv
{
    public const string Header = "référence;démarche;état;déposée le;échéance;en retard;canal;demandeur;agent";

    public static byte[] Write(IEnumerable<RequestSummary> lines, DateTimeOffset now)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var line in lines)
        {
            string[] cells =
            [
                line.Reference,
                line.Title,
                line.StateLabel,
                Time(line.SubmittedAt),
                line.DueAt is { } due && !line.StateKind.IsFinal() ? Time(due) : "",
                DemarcheWire.IsOverdue(line, now) ? "oui" : "non",
                line.Channel switch { RequestChannel.Kiosk => "borne", RequestChannel.Counter => "guichet", _ => "en ligne" },
                line.CitizenName,
                line.AssignedAgentName,
            ];
            text.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>«05/01/2027 14:30», in Paris.</summary>
    public static string Time(DateTimeOffset at) => ServiceDay.ToParisTime(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
