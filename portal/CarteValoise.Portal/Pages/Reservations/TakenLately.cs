using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Reservations;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Reservations;

/// <summary>A day of the last weeks on which the child took a meal or came to care, from the taps.</summary>
public sealed record TakenDay(DateOnly Day, IReadOnlyList<SchoolServiceKind> Services)
{
    /// <summary>«cantine, accueil du soir».</summary>
    public string Said => string.Join(", ", Services.Select(ServiceWording.InSentence));
}

/// <summary>«Repas et accueils pris»: the last four weeks up to today, newest first.</summary>
public sealed record TakenLately(DateOnly First, DateOnly Last, IReadOnlyList<TakenDay> Days)
{
    public const int DaysShown = 28;

    public static (DateOnly First, DateOnly Last) Range(DateOnly today) => (today.AddDays(1 - DaysShown), today);

    public static TakenLately From(DateOnly first, DateOnly last, ChildCalendarReply calendar)
    {
        var days = new List<TakenDay>();
        foreach (var day in calendar.Days)
        {
            if (!FrenchFormat.TryParseWireDay(day.Date, out var date) || date < first || date > last) continue;
            var taken = day.Services.Where(s => s.Taken).Select(s => s.Service).Distinct().Order().ToList();
            if (taken.Count > 0) days.Add(new TakenDay(date, taken));
        }
        return new TakenLately(first, last, days.OrderByDescending(d => d.Day).ToList());
    }
}
