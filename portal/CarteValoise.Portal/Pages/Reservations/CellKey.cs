using CarteValoise.Contracts.Canteen;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Reservations;

/// <summary>
/// One service on one day, as the form names it: «2026-12-10:cantine» in the field names
/// <c>affiche[…]</c> and <c>reserver[…]</c>, «2026-12-10-cantine» in the element ids.
/// </summary>
public readonly record struct CellKey(DateOnly Day, SchoolServiceKind Service)
{
    public string Field => $"{FrenchFormat.WireDay(Day)}:{ServiceWording.Field(Service)}";

    /// <summary>The id of the cell's checkbox, which the error summary links to.</summary>
    public string CheckboxId => $"reserver-{FrenchFormat.WireDay(Day)}-{ServiceWording.Field(Service)}";

    /// <summary>The id of the table cell, linked to when the cell has no checkbox any more.</summary>
    public string CellId => $"case-{FrenchFormat.WireDay(Day)}-{ServiceWording.Field(Service)}";

    /// <summary>«cantine du jeudi 10 décembre 2026».</summary>
    public string Said => $"{ServiceWording.InSentence(Service)} du {FrenchFormat.Day(Day)}";

    public static bool TryParse(string? field, out CellKey key)
    {
        key = default;
        var parts = field?.Split(':');
        if (parts is not { Length: 2 }
            || !FrenchFormat.TryParseWireDay(parts[0], out var day)
            || !ServiceWording.TryParseField(parts[1], out var service))
        {
            return false;
        }
        key = new CellKey(day, service);
        return true;
    }
}
