using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.AgentCounts;

/// <summary>A child of one of the counts page's lists.</summary>
public sealed record ListedChild(string ChildId, string Text);

/// <summary>
/// The agents' counts page (/Admin/Effectifs), read through the markers it promises:
/// section.school-day[data-school-id][data-date][data-closed], dd[data-forecast], dd[data-actual],
/// and section.child-list[data-list][data-count] ("absents", "sans-reservation", "pai") with a
/// tr[data-child-id] per child.
/// </summary>
public sealed record CountsPage(string SchoolId, string Date, bool Closed, int Forecast, int Actual,
    IReadOnlyDictionary<string, IReadOnlyList<ListedChild>> Lists, string Text)
{
    public IReadOnlyList<ListedChild> Absent => Lists["absents"];
    public IReadOnlyList<ListedChild> Unreserved => Lists["sans-reservation"];
    public IReadOnlyList<ListedChild> Allergies => Lists["pai"];

    public static CountsPage Parse(string html)
    {
        var day = Markup.Tags(html, "section").SingleOrDefault(s => s.HasClass("school-day"))
            ?? throw new FormatException("The counts page has no section.school-day.");
        var lists = new Dictionary<string, IReadOnlyList<ListedChild>>();
        foreach (var list in Markup.Tags(html, "section").Where(s => s["data-list"] is not null))
        {
            var end = Markup.EndOf(html, list);
            var rows = Markup.Tags(html, "tr", list.End, end).Where(tr => tr["data-child-id"] is not null).ToList();
            lists[list["data-list"]!] = rows
                .Select((tr, i) => new ListedChild(tr["data-child-id"]!, Markup.Text(html[tr.End..(i + 1 < rows.Count ? rows[i + 1].Start : end)])))
                .ToList();
            Assert.Equal(int.Parse(list["data-count"]!, CultureInfo.InvariantCulture), lists[list["data-list"]!].Count);
        }
        return new CountsPage(day["data-school-id"]!, day["data-date"]!, day["data-closed"] == "true",
            Number(html, "data-forecast"), Number(html, "data-actual"), lists, Markup.Text(html));
    }

    private static int Number(string html, string marker) =>
        int.Parse(Markup.Tags(html, "dd").Single(dd => dd[marker] is not null)[marker]!, CultureInfo.InvariantCulture);
}
