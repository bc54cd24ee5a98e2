using CarteValoise.Contracts.Canteen;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>
/// One list of children of the counts page («Attendus mais absents»…): <see cref="Marker"/> is its
/// data-list value, <see cref="WithAttendance"/> adds the «Réservé» and «Présent» columns.
/// </summary>
public sealed record ChildList(string Marker, string Title, string Empty, IReadOnlyList<ReportedChild> Children, bool WithAttendance = false)
{
    public string HeadingId => $"liste-{Marker}";
}
