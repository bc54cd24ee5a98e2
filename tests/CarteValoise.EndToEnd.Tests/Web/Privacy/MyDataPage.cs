namespace CarteValoise.EndToEnd.Tests.Web.Privacy;

/// <summary>A line of the access log as «Mes données» shows it: the cells in their order.</summary>
public sealed record AccessLogRow(string When, string Who, string What, string Why, bool Allowed);

/// <summary>
/// The parent's /MesDonnees page through the markers it promises: section[data-section] with
/// li[data-label][data-count], the rows of table.access-log (tr[data-allowed]), p#journal-vide,
/// li[data-kind] of the retention periods, and section#cloture[data-state] with p#cloture-etat and
/// div#cloture-fait.
/// </summary>
public sealed record MyDataPage(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Sections,
    IReadOnlyList<AccessLogRow> AccessLog,
    bool EmptyLogShown,
    IReadOnlyList<string> RetentionKinds,
    string ClosureState,
    string ClosureText,
    string? ClosureDone,
    string Text)
{
    public static MyDataPage Parse(string html)
    {
        var sections = Markup.Tags(html, "section").Where(s => s["data-section"] is not null).ToDictionary(
            s => s["data-section"]!,
            s => (IReadOnlyDictionary<string, int>)Markup.Tags(html, "li", s.End, Markup.EndOf(html, s))
                .Where(li => li["data-label"] is not null)
                .ToDictionary(li => li["data-label"]!, li => int.Parse(li["data-count"]!, System.Globalization.CultureInfo.InvariantCulture)));
        var rows = Markup.Tags(html, "tr").Where(tr => tr["data-allowed"] is not null).Select(tr =>
        {
            var cells = Markup.Tags(html, "td", tr.End, Markup.EndOf(html, tr)).Select(td => Markup.Text(html[td.End..Markup.EndOf(html, td)])).ToList();
            Assert.True(cells.Count == 4, $"An access log row has {cells.Count} cells instead of 4.");
            return new AccessLogRow(cells[0], cells[1], cells[2], cells[3], tr["data-allowed"] == "true");
        }).ToList();
        var closure = Markup.Tags(html, "section").Single(s => s["id"] == "cloture");
        var state = Markup.Tags(html, "p").Single(p => p["id"] == "cloture-etat");
        var done = Markup.Tags(html, "div").SingleOrDefault(d => d["id"] == "cloture-fait");
        return new MyDataPage(
            sections,
            rows,
            Markup.Tags(html, "p").Any(p => p["id"] == "journal-vide"),
            [.. Markup.Tags(html, "li").Select(li => li["data-kind"]).OfType<string>()],
            closure["data-state"] ?? "",
            Markup.Text(html[state.End..Markup.EndOf(html, state)]),
            done is null ? null : Markup.Text(html[done.End..Markup.EndOf(html, done)]),
            Markup.Text(html));
    }
}
