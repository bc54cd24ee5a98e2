namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A period without classes as the ministry's arrêté writes it: holidays begin after class on
/// <see cref="BeginsAfterClassOn"/> (that day still has class, canteen and care) and classes
/// resume the morning of <see cref="ClassesResumeOn"/> (that day has them again). The days off are
/// the ones strictly between. A single day off (a "pont") is the day between its two neighbours.
/// </summary>
public sealed record SchoolHoliday(string Name, DateOnly BeginsAfterClassOn, DateOnly ClassesResumeOn)
{
    public static SchoolHoliday SingleDay(string name, DateOnly day) => new(name, day.AddDays(-1), day.AddDays(1));

    public DateOnly FirstDayOff => BeginsAfterClassOn.AddDays(1);

    public DateOnly LastDayOff => ClassesResumeOn.AddDays(-1);

    public bool Covers(DateOnly day) => day > BeginsAfterClassOn && day < ClassesResumeOn;

    /// <summary>«Vacances de la Toussaint : du samedi 17 octobre 2026 après la classe au lundi 2 novembre 2026 au matin».</summary>
    public string Description => FirstDayOff == LastDayOff
        ? $"{Name} : le {FrenchText.Day(FirstDayOff)}"
        : $"{Name} : du {FrenchText.Day(BeginsAfterClassOn)} après la classe au {FrenchText.Day(ClassesResumeOn)} au matin";
}
