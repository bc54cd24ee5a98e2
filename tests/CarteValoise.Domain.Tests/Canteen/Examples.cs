using System.Globalization;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Tests.Canteen;

/// <summary>The commune every example lives in: the 2026-2027 zone C year and a four-day week.</summary>
internal static class Examples
{
    public static readonly SchoolCalendar Year = ZoneCCalendars.Year2026To2027();

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant written in UTC, so the tests say exactly which moment they mean.</summary>
    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
