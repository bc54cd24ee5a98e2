using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>A request as the queue lists it: tr[data-reference][data-state][data-channel][data-overdue], and its text.</summary>
public sealed record QueueLineOnPage(string Reference, string State, string Channel, bool Overdue, string Text);

/// <summary>
/// The agents' démarches pages read through the markers they promise: the queue's p#total[data-total]
/// and its rows, the request's section#demande and its timeline's li[data-timeline-kind][data-internal],
/// the statistics' tr[data-demarche-id], the catalogue's tr[data-demarche-id][data-version][data-enabled]
/// and the definition's section#version-affichee.
/// </summary>
public static class AgentPages
{
    public static int Total(WebPage page) =>
        int.Parse(Markup.Tags(page.Html, "p").SingleOrDefault(p => p["id"] == "total")?["data-total"]
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} shows no total:\n{page.Text}"), CultureInfo.InvariantCulture);

    public static IReadOnlyList<QueueLineOnPage> Lines(WebPage page) =>
        Markup.Tags(page.Html, "tr")
            .Where(tr => tr["data-reference"] is not null)
            .Select(tr => new QueueLineOnPage(tr["data-reference"]!, tr["data-state"] ?? "", tr["data-channel"] ?? "", tr["data-overdue"] == "oui",
                Markup.Text(page.Html[tr.End..Markup.EndOf(page.Html, tr)])))
            .ToList();

    public static IReadOnlyList<string> References(WebPage page) => [.. Lines(page).Select(l => l.Reference)];

    /// <summary>The request's section: its state id and channel marker.</summary>
    public static (string Reference, string State, string Channel, string Assigned) Request(WebPage page)
    {
        var section = Markup.Tags(page.Html, "section").SingleOrDefault(s => s["id"] == "demande")
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} shows no request:\n{page.Text}");
        return (section["data-reference"] ?? "", section["data-state"] ?? "", section["data-channel"] ?? "", section["data-assigned"] ?? "");
    }

    /// <summary>The timeline's entries: kind, internal or not, and text.</summary>
    public static IReadOnlyList<(string Kind, bool Internal, string Text)> Timeline(WebPage page)
    {
        var list = Markup.Tags(page.Html, "ol").SingleOrDefault(o => o.HasClass("desk-timeline"));
        if (list is null) return [];
        var end = page.Html.IndexOf("</ol>", list.End, StringComparison.Ordinal);
        var items = Markup.Tags(page.Html, "li", list.End, end).Where(li => li["data-timeline-kind"] is not null).ToList();
        return items.Select((li, i) =>
        {
            var itemEnd = i + 1 < items.Count ? items[i + 1].Start : end;
            return (li["data-timeline-kind"]!, li["data-internal"] == "oui", Markup.Text(page.Html[li.End..itemEnd]));
        }).ToList();
    }

    /// <summary>The moves the page offers: form[data-move-id].</summary>
    public static IReadOnlyList<string> Moves(WebPage page) =>
        [.. Markup.Tags(page.Html, "form").Select(f => f["data-move-id"]).OfType<string>()];

    /// <summary>A démarche's row of the statistics: received, in progress, decided, online, kiosk, counter; and its text.</summary>
    public static (int Received, int InProgress, int Decided, int Online, int Kiosk, int Counter, string Text) Figures(WebPage page, string demarcheId)
    {
        var row = Markup.Tags(page.Html, "tr").SingleOrDefault(tr => tr["data-demarche-id"] == demarcheId && tr["data-received"] is not null)
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} shows no figures for {demarcheId}:\n{page.Text}");
        int N(string name) => int.Parse(row[name]!, CultureInfo.InvariantCulture);
        return (N("data-received"), N("data-in-progress"), N("data-decided"), N("data-online"), N("data-kiosk"), N("data-counter"),
            Markup.Text(page.Html[row.End..Markup.EndOf(page.Html, row)]));
    }

    /// <summary>A démarche's row of the catalogue: version and «Proposée».</summary>
    public static (int Version, bool Enabled) CatalogueEntry(WebPage page, string demarcheId)
    {
        var row = Markup.Tags(page.Html, "tr").SingleOrDefault(tr => tr["data-demarche-id"] == demarcheId && tr["data-version"] is not null)
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} does not list {demarcheId}:\n{page.Text}");
        return (int.Parse(row["data-version"]!, CultureInfo.InvariantCulture), row["data-enabled"] == "oui");
    }

    /// <summary>The definition page's version shown and current version.</summary>
    public static (int Shown, int Current, bool ReadOnly) Definition(WebPage page)
    {
        var section = Markup.Tags(page.Html, "section").SingleOrDefault(s => s["id"] == "version-affichee")
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} shows no definition:\n{page.Text}");
        return (int.Parse(section["data-version"]!, CultureInfo.InvariantCulture), int.Parse(section["data-current-version"]!, CultureInfo.InvariantCulture),
            section["data-read-only"] == "oui");
    }

    /// <summary>The problems listed next to a field (div#{field}-erreur li), checked to be bound to the field.</summary>
    public static IReadOnlyList<string> ProblemsNextTo(WebPage page, string field)
    {
        var box = Markup.Tags(page.Html, "div").SingleOrDefault(d => d["id"] == $"{field}-erreur")
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} lists no problem next to «{field}»:\n{page.Text}");
        Assert.Contains(Markup.Tags(page.Html, "textarea").Concat(Markup.Tags(page.Html, "input")),
            c => c["id"] == field && c["aria-describedby"]?.Split(' ').Contains($"{field}-erreur") == true && c["aria-invalid"] == "true");
        var end = page.Html.IndexOf("</ul>", box.End, StringComparison.Ordinal);
        return [.. Markup.Tags(page.Html, "li", box.End, end).Select(li => Markup.Text(page.Html[li.End..Markup.EndOf(page.Html, li)]))];
    }

    /// <summary>The text of the textarea of that id, as the page gives it back.</summary>
    public static string TextArea(WebPage page, string id)
    {
        var area = Markup.Tags(page.Html, "textarea").Single(t => t["id"] == id);
        return System.Net.WebUtility.HtmlDecode(page.Html[area.End..Markup.EndOf(page.Html, area)]);
    }
}
