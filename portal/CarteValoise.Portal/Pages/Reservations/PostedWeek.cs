using CarteValoise.Contracts.Reservations;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Reservations;

/// <summary>
/// What the reservation form sent back: for each cell the page offered, its state when shown
/// (<c>affiche[2026-12-10:cantine]</c> = «1» or «0») and whether its box is ticked
/// (<c>reserver[2026-12-10:cantine]</c> present). Only the cells whose box differs from what was
/// shown become changes, so that a cell the parent did not touch is never sent.
/// </summary>
public sealed record PostedWeek(IReadOnlyList<ReservationChangeItem> Changes, IReadOnlyDictionary<CellKey, bool> Wanted, bool Malformed)
{
    public const string ShownReserved = "1";
    public const string ShownFree = "0";

    public static PostedWeek Read(IReadOnlyDictionary<string, string> shown, IReadOnlyDictionary<string, string> ticked)
    {
        var changes = new List<ReservationChangeItem>();
        var wanted = new Dictionary<CellKey, bool>();
        var malformed = false;
        foreach (var (field, state) in shown)
        {
            if (!CellKey.TryParse(field, out var key) || state is not (ShownReserved or ShownFree))
            {
                malformed = true;
                continue;
            }
            var wasReserved = state == ShownReserved;
            var reserve = ticked.ContainsKey(field);
            wanted[key] = reserve;
            if (reserve != wasReserved)
            {
                changes.Add(new ReservationChangeItem { Date = FrenchFormat.WireDay(key.Day), Service = key.Service, Reserved = reserve });
            }
        }
        return new PostedWeek(changes.OrderBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.Service).ToList(), wanted, malformed);
    }
}
