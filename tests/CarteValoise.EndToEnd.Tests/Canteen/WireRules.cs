using System.Globalization;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// The Domain's booking rules built from the rules the cloud answers, so that a test computes the
/// sentence a parent must read from the same rules the cloud applies, instead of hard-coding a date.
/// </summary>
public static class WireRules
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    public static string Wire(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static BookingRules CanteenBooking(CommuneRules rules)
    {
        var year = rules.SchoolYear;
        var calendar = SchoolCalendar.Create(year.Name, Day(year.Rentree), Day(year.SummerBeginsAfterClassOn),
            year.Holidays.Select(h => new SchoolHoliday(h.Name, Day(h.BeginsAfterClassOn), Day(h.ClassesResumeOn))),
            year.ClassDays.Select(d => (DayOfWeek)d));
        var canteen = rules.Services.Single(s => s.Service == SchoolServiceKind.SchoolServiceCanteen);
        return new BookingRules(calendar, ServiceSchedule.Create(SchoolService.Canteen, canteen.Days.Select(d => (DayOfWeek)d)),
            CutOffRule.Parse(rules.ReservationCutOff), CutOffRule.Parse(rules.CancellationCutOff));
    }

    /// <summary>The first day from <paramref name="first"/> on (within a year) that meets the condition.</summary>
    public static DateOnly? FirstDay(DateOnly first, Func<DateOnly, bool> condition, int within = 366)
    {
        for (var day = first; day < first.AddDays(within); day = day.AddDays(1))
            if (condition(day)) return day;
        return null;
    }

    /// <summary>The last day up to <paramref name="last"/> (within a year back) that meets the condition.</summary>
    public static DateOnly? LastDay(DateOnly last, Func<DateOnly, bool> condition, int within = 366)
    {
        for (var day = last; day > last.AddDays(-within); day = day.AddDays(-1))
            if (condition(day)) return day;
        return null;
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
