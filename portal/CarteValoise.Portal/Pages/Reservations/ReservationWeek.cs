using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Reservations;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Reservations;

/// <summary>One service on one day of the week shown, and whether its box is ticked on the page.</summary>
public sealed record WeekCell(CellKey Key, CalendarService State, bool Ticked);

/// <summary>A school day of the week shown; its cells follow the columns, null where the cloud listed no such service.</summary>
public sealed record WeekDay(DateOnly Day, IReadOnlyList<WeekCell?> Cells);

/// <summary>
/// A child's week, Monday to Friday, as the reservation table lays it out: a row per day, a column
/// per service the commune runs (in the contract's order).
/// </summary>
public sealed class ReservationWeek
{
    private ReservationWeek(DateOnly monday, IReadOnlyList<SchoolServiceKind> columns, IReadOnlyList<WeekDay> days)
    {
        Monday = monday;
        Columns = columns;
        Days = days;
    }

    public DateOnly Monday { get; }

    public DateOnly Friday => Monday.AddDays(4);

    public IReadOnlyList<SchoolServiceKind> Columns { get; }

    public IReadOnlyList<WeekDay> Days { get; }

    public IEnumerable<WeekCell> Cells => Days.SelectMany(day => day.Cells).OfType<WeekCell>();

    public bool AnyChangeable => Cells.Any(cell => cell.State.CanChange);

    /// <summary>«Semaine du lundi 7 au vendredi 11 décembre 2026», the month and year said once when they are shared.</summary>
    public string Title => $"Semaine {Span(Monday, Friday)}";

    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Lays out the cloud's calendar; <paramref name="wanted"/>, after a refused save, keeps the boxes
    /// as the parent ticked them (for the cells still open to change).
    /// </summary>
    public static ReservationWeek From(DateOnly monday, ChildCalendarReply calendar, IReadOnlyDictionary<CellKey, bool>? wanted = null)
    {
        var byDay = new Dictionary<DateOnly, IReadOnlyList<CalendarService>>();
        foreach (var day in calendar.Days)
        {
            if (FrenchFormat.TryParseWireDay(day.Date, out var date)) byDay[date] = day.Services;
        }
        var columns = byDay.Values.SelectMany(services => services.Select(s => s.Service)).Distinct().Order().ToList();
        var days = Enumerable.Range(0, 5).Select(offset =>
        {
            var date = monday.AddDays(offset);
            var services = byDay.GetValueOrDefault(date) ?? [];
            var cells = columns.Select(column =>
            {
                var state = services.FirstOrDefault(s => s.Service == column);
                if (state is null) return null;
                var key = new CellKey(date, column);
                var ticked = state.CanChange && wanted is not null && wanted.TryGetValue(key, out var asked) ? asked : state.Reserved;
                return new WeekCell(key, state, ticked);
            }).ToList();
            return new WeekDay(date, cells);
        }).ToList();
        return new ReservationWeek(monday, columns, days);
    }

    /// <summary>«du lundi 7 au vendredi 11 décembre 2026», «du lundi 30 novembre au vendredi 4 décembre 2026».</summary>
    public static string Span(DateOnly first, DateOnly last)
    {
        var end = FrenchFormat.Day(last);
        var start = first.Year != last.Year ? FrenchFormat.Day(first)
            : first.Month != last.Month ? first.ToString(first.Day == 1 ? "dddd '1er' MMMM" : "dddd d MMMM", FrenchFormat.French)
            : first.ToString(first.Day == 1 ? "dddd '1er'" : "dddd d", FrenchFormat.French);
        return $"du {start} au {end}";
    }
}
