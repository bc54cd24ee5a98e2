using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web;

/// <summary>A child as the family page shows them: the day's meals and every card read of the day.</summary>
public sealed record ChildOnPage(string ChildId, int Meals, int TapsShown, IReadOnlyList<DateTimeOffset> TapReadAts, string Text);

/// <summary>
/// The family page of the portal (/) and of the kiosk (/Famille), read through the markers both
/// promise: #balance[data-balance-cents], section.child[data-child-id][data-meals][data-taps],
/// and li[data-tap-read-at] for each tap of the day.
/// </summary>
public sealed record FamilyPage(long BalanceCents, IReadOnlyList<ChildOnPage> Children, string Text)
{
    public IEnumerable<DateTimeOffset> AllTapReadAts => Children.SelectMany(c => c.TapReadAts);

    public static FamilyPage Parse(string html)
    {
        var balance = Markup.Tags(html, "p").SingleOrDefault(p => p["id"] == "balance")
            ?? throw new FormatException("The family page has no <p id=\"balance\">.");
        var children = new List<ChildOnPage>();
        foreach (var section in Markup.Tags(html, "section").Where(s => s.HasClass("child")))
        {
            var end = Markup.EndOf(html, section);
            var readAts = Markup.Tags(html, "li", section.End, end)
                .Where(li => li["data-tap-read-at"] is not null)
                .Select(li => DateTimeOffset.Parse(li["data-tap-read-at"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
                .ToList();
            children.Add(new ChildOnPage(
                Required(section, "data-child-id"),
                int.Parse(Required(section, "data-meals"), CultureInfo.InvariantCulture),
                int.Parse(Required(section, "data-taps"), CultureInfo.InvariantCulture),
                readAts,
                Markup.Text(html[section.End..end])));
        }
        return new FamilyPage(long.Parse(Required(balance, "data-balance-cents"), CultureInfo.InvariantCulture), children, Markup.Text(html));
    }

    private static string Required(Tag tag, string attribute) =>
        tag[attribute] ?? throw new FormatException($"<{tag.Name}> of the family page has no {attribute}.");
}
