using CarteValoise.Contracts.Canteen;
using static CarteValoise.EndToEnd.Tests.Canteen.WireRules;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// For the tests that need canteen days to come (a week ahead, or from the week after the one a
/// weekend's page opens on) as well as days just past. The demo's school year is the only one a
/// commune holds until its agents enter the next one: once it is nearly over (from the last weeks of
/// June) and until they do, it has no day far enough ahead. Then the test's commune gets, for the test
/// (<see cref="RulesForATest"/>), a school year of the tests' own, in session from <see cref="WeeksBack"/>
/// weeks ago for a year, on the same days of class, closed only on public holidays. Otherwise the rules
/// stay as they are.
/// </summary>
public static class SchoolDaysAhead
{
    /// <summary>As far back as a test looks for a day past (the page tests: twelve weeks).</summary>
    public const int WeeksBack = 12;

    /// <summary>A canteen day this far ahead at least, or the year of the tests' own.</summary>
    public const int DaysAhead = 14;

    public static void Ensure(CommuneRules rules, DateOnly today)
    {
        var booking = CanteenBooking(rules);
        if (FirstDay(today.AddDays(DaysAhead), d => booking.Schedule.RunsOn(d, booking.Calendar)) is not null) return;
        var rentree = today.AddDays(-7 * WeeksBack);
        var classDays = rules.SchoolYear.ClassDays.ToList();
        rules.SchoolYear = new SchoolYear
        {
            Name = "Année scolaire des tests de bout en bout",
            Rentree = Wire(rentree),
            SummerBeginsAfterClassOn = Wire(rentree.AddYears(1).AddDays(-1)),
            ClassDays = { classDays },
        };
    }
}
