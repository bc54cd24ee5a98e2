using System.Globalization;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.Cloud.Services.Mapping;

/// <summary>
/// Days on the wire: yyyy-MM-dd, Europe/Paris. A malformed one is the caller's mistake, answered
/// INVALID_ARGUMENT in French before anything is read or written.
/// </summary>
public static class WireDates
{
    public static string Format(DateOnly day) => ServiceDay.Format(day);

    /// <summary>A day that may be left empty for today (reports, summaries).</summary>
    public static DateOnly ParseOrToday(string text, TimeProvider time) =>
        ServiceDay.TryParse(text, time, out var day) ? day : throw WireErrors.InvalidArgument(Problem(text));

    /// <summary>A day that must be given.</summary>
    public static DateOnly Parse(string text) => TryParse(text, out var day) ? day : throw WireErrors.InvalidArgument(Problem(text));

    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>«Date « 2026-13-40 » invalide : attendu AAAA-MM-JJ.», «Date manquante : attendu AAAA-MM-JJ.»</summary>
    public static string Problem(string text) => string.IsNullOrWhiteSpace(text)
        ? "Date manquante : attendu AAAA-MM-JJ."
        : $"Date « {text} » invalide : attendu AAAA-MM-JJ.";
}
