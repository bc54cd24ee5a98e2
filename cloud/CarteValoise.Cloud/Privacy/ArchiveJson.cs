using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// How the archive writes data: indented UTF-8 with accented letters as they are (the citizen opens
/// these files in a text editor; they are never put in a web page), enums by name, dates
/// yyyy-MM-dd, instants in Paris time with their offset, amounts in euros.
/// </summary>
public static class ArchiveJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>«2026-12-04T15:42:00+01:00»: the time a Paris clock showed, and its offset.</summary>
    public static string Instant(DateTimeOffset at) =>
        ServiceDay.ToParisTime(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => ServiceDay.Format(day);

    /// <summary>Cents as euros, exactly: 350 is 3.50.</summary>
    public static decimal Euros(long cents) => cents / 100m;
}
