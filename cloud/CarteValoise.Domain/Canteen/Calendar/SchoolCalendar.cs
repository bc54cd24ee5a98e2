namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A commune's school year: the rentrée, the start of the summer holidays, the holiday periods in
/// between (data the commune edits: the zone C arrêté by default, see <see cref="ZoneCCalendars"/>),
/// its days of class, and France's public holidays. It answers which days have class, which days
/// are closed and why, and which days are jours ouvrés for the cut-offs.
/// </summary>
public sealed class SchoolCalendar
{
    /// <summary>The four-day week most Val d'Oise primary schools keep.</summary>
    public static readonly IReadOnlySet<DayOfWeek> FourDayWeek =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    private SchoolCalendar(string name, DateOnly rentree, DateOnly summerBeginsAfterClassOn,
        IReadOnlyList<SchoolHoliday> holidays, IReadOnlySet<DayOfWeek> classDays)
    {
        Name = name;
        Rentree = rentree;
        SummerBeginsAfterClassOn = summerBeginsAfterClassOn;
        Holidays = holidays;
        ClassDays = classDays;
    }

    public string Name { get; }

    /// <summary>Classes begin the morning of this day.</summary>
    public DateOnly Rentree { get; }

    /// <summary>The last day of class: the summer holidays begin after it.</summary>
    public DateOnly SummerBeginsAfterClassOn { get; }

    /// <summary>The holiday periods within the year, in date order.</summary>
    public IReadOnlyList<SchoolHoliday> Holidays { get; }

    public IReadOnlySet<DayOfWeek> ClassDays { get; }

    public static SchoolCalendar Create(string name, DateOnly rentree, DateOnly summerBeginsAfterClassOn,
        IEnumerable<SchoolHoliday> holidays, IEnumerable<DayOfWeek>? classDays = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add("Le calendrier scolaire doit avoir un nom.");
        if (summerBeginsAfterClassOn <= rentree || summerBeginsAfterClassOn > rentree.AddYears(1))
            problems.Add($"Le début des vacances d'été ({FrenchText.Day(summerBeginsAfterClassOn)}) doit suivre la rentrée ({FrenchText.Day(rentree)}) de moins d'un an.");
        var days = (classDays ?? FourDayWeek).ToHashSet();
        if (days.Count == 0) problems.Add("Choisissez au moins un jour de classe.");
        var ordered = holidays.OrderBy(h => h.BeginsAfterClassOn).ToList();
        SchoolHoliday? previous = null;
        foreach (var holiday in ordered)
        {
            var label = string.IsNullOrWhiteSpace(holiday.Name) ? "Une période de vacances" : holiday.Name;
            if (string.IsNullOrWhiteSpace(holiday.Name))
                problems.Add($"La période du {FrenchText.Day(holiday.BeginsAfterClassOn)} n'a pas de nom.");
            if (holiday.ClassesResumeOn <= holiday.BeginsAfterClassOn.AddDays(1))
                problems.Add($"{label} : aucun jour de vacances entre le {FrenchText.Day(holiday.BeginsAfterClassOn)} après la classe et le {FrenchText.Day(holiday.ClassesResumeOn)} au matin.");
            else if (holiday.BeginsAfterClassOn < rentree || holiday.ClassesResumeOn > summerBeginsAfterClassOn)
                problems.Add($"{label} : la période sort de l'année scolaire (du {FrenchText.Day(rentree)} au {FrenchText.Day(summerBeginsAfterClassOn)}).");
            if (previous is not null && holiday.FirstDayOff <= previous.LastDayOff)
                problems.Add($"{previous.Name} et {label} se chevauchent.");
            previous = holiday;
        }
        InvalidRulesException.ThrowIfAny(problems);
        return new SchoolCalendar(name.Trim(), rentree, summerBeginsAfterClassOn, ordered, days);
    }

    public bool IsInSchoolYear(DateOnly day) => day >= Rentree && day <= SummerBeginsAfterClassOn;

    public PublicHoliday? PublicHolidayOn(DateOnly day) => PublicHolidays.On(day);

    /// <summary>The listed period that covers the day, if any (the summer is outside the year, not a period).</summary>
    public SchoolHoliday? SchoolHolidayOn(DateOnly day)
    {
        foreach (var holiday in Holidays)
            if (holiday.Covers(day)) return holiday;
        return null;
    }

    /// <summary>A day with class: a class day of the week, within the year, neither in holidays nor a public holiday.</summary>
    public bool IsSchoolDay(DateOnly day) => ClassDays.Contains(day.DayOfWeek) && WhyClosed(day) is null;

    /// <summary>
    /// Why the schools' services do not run that day, whatever the weekday («jour férié (Armistice 1918)»,
    /// «vacances de la Toussaint», «vacances d'été»…); null on a day that is open.
    /// </summary>
    public string? WhyClosed(DateOnly day)
    {
        if (PublicHolidayOn(day) is { } holiday) return $"jour férié ({holiday.Name})";
        if (day < Rentree) return $"avant la rentrée du {FrenchText.Day(Rentree)}";
        if (day > SummerBeginsAfterClassOn) return "vacances d'été";
        // Lower-cased: the reason follows a colon in «Pas de cantine le … : vacances de la Toussaint.»
        return SchoolHolidayOn(day)?.Name is { } name ? char.ToLowerInvariant(name[0]) + name[1..] : null;
    }

    /// <summary>
    /// A jour ouvré: Monday to Friday and not a public holiday; when <paramref name="schoolHolidaysAreOff"/>,
    /// not inside a listed holiday period either. Days outside the school year (the summer) count as
    /// ordinary working days, so the cut-off of the rentrée falls at the end of August, when town
    /// halls take reservations for it.
    /// </summary>
    public bool IsWorkingDay(DateOnly day, bool schoolHolidaysAreOff) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && PublicHolidayOn(day) is null
        && !(schoolHolidaysAreOff && SchoolHolidayOn(day) is not null);

    /// <summary>The working day that is <paramref name="count"/> working days before <paramref name="day"/> (not counting the day itself).</summary>
    public DateOnly WorkingDaysBefore(DateOnly day, int count, bool schoolHolidaysAreOff)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var found = 0; found < count;)
        {
            current = current.AddDays(-1);
            if (IsWorkingDay(current, schoolHolidaysAreOff)) found++;
        }
        return current;
    }
}
