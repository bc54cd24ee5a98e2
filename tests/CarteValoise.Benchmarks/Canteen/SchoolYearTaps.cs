using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The taps a school year of the large commune makes, month by month, as the boxes would have
/// reported them: on every day the service runs (the commune's own rules say which), a canteen tap
/// for a child signed up for it unless absent (about one day in twenty), now and then a meal without
/// reservation for a child who is not, and the care check-ins and check-outs of those signed up.
/// </summary>
public sealed class SchoolYearTaps(LargeCommune commune, CanteenRules rules, DateOnly from, DateOnly to)
{
    private const double Absent = 0.05;
    private const double Unreserved = 0.02;
    private static readonly TimeOnly MorningArrival = new(8, 5);
    private static readonly TimeOnly EveningArrival = new(16, 35);
    private static readonly TimeOnly EveningDeparture = new(18, 10);

    private readonly Dictionary<(string School, SchoolService Service, DateOnly Day), bool> _runs = [];

    /// <summary>The first day of each month from <c>from</c> to <c>to</c>.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1)) yield return month;
    }

    /// <summary>Each child's taps of the month, for one RecordTaps call per child.</summary>
    public IReadOnlyList<(string ChildId, IReadOnlyList<ChildTap> Taps)> Of(DateOnly month)
    {
        var first = month < from ? from : month;
        var last = month.AddMonths(1).AddDays(-1) is var end && end > to ? to : end;
        var batches = new List<(string, IReadOnlyList<ChildTap>)>();
        foreach (var child in commune.Children)
        {
            var taps = new List<ChildTap>();
            for (var day = first; day <= last; day = day.AddDays(1)) AddDay(child, day, taps);
            if (taps.Count > 0) batches.Add((child.Profile.ChildId, taps));
        }
        return batches;
    }

    private void AddDay(LargeCommune.Child child, DateOnly day, List<ChildTap> taps)
    {
        var school = child.Profile.SchoolId;
        var key = (long)child.Number * 100_000 + day.DayNumber;
        if (Draw.Share(key, 5) < Absent) return;
        if (Runs(school, SchoolService.Canteen, day) && (child.Canteen || Draw.Share(key, 6) < Unreserved))
        {
            // Lunch over the service's first hour, the same minute for a child every day.
            taps.Add(Tap(child, day, new TimeOnly(11, 40).AddMinutes(child.Number % 60), "cantine", TapService.Canteen));
        }
        if (child.MorningCare && Runs(school, SchoolService.MorningCare, day))
        {
            taps.Add(Tap(child, day, MorningArrival, "matin", TapService.CareCheckIn));
        }
        if (child.EveningCare && Runs(school, SchoolService.EveningCare, day))
        {
            taps.Add(Tap(child, day, EveningArrival, "soir", TapService.CareCheckIn));
            taps.Add(Tap(child, day, EveningDeparture, "sortie", TapService.CareCheckOut));
        }
    }

    private bool Runs(string school, SchoolService service, DateOnly day)
    {
        if (!_runs.TryGetValue((school, service, day), out var runs))
        {
            runs = rules.WhyNotOn(service, school, day) is null;
            _runs[(school, service, day)] = runs;
        }
        return runs;
    }

    private static ChildTap Tap(LargeCommune.Child child, DateOnly day, TimeOnly at, string what, TapService service) =>
        new($"banc:{child.Profile.ChildId}:{day:yyyyMMdd}:{what}", ParisClock.At(day, at), child.Profile.SchoolId, service, Served: true);
}
