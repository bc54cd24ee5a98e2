namespace CarteValoise.Domain.Calendar;

/// <summary>
/// Schools, cut-offs and meal counts live in Europe/Paris time: a tap at 23:30 UTC on the
/// 31st of March is a meal of the 1st of April. Every conversion from an instant goes through here.
/// </summary>
public static class ServiceDay
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Of(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    public static DateOnly Today(TimeProvider time) => Of(time.GetUtcNow());

    public static DateTimeOffset ToParisTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris);

    /// <summary>Wire and key form of a day: yyyy-MM-dd.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a wire day; empty means today in Paris.</summary>
    public static bool TryParse(string? text, TimeProvider time, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = Today(time);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out day);
    }
}
