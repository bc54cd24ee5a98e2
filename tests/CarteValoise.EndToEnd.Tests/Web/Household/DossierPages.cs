namespace CarteValoise.EndToEnd.Tests.Web.Household;

/// <summary>A change request as a page lists it: section or row [data-reference][data-state], and its text.</summary>
public sealed record ChangeOnPage(string Reference, string State, string Text);

/// <summary>
/// The household pages read through the markers they promise: section.dossier-change and
/// tr[data-reference] for requests ([data-state] the contract's state name), li[data-document-id]
/// for a submitted document, and for a refused form the error summary and each field's error,
/// bound to its input by aria-describedby.
/// </summary>
public static class DossierPages
{
    public static IReadOnlyList<ChangeOnPage> Changes(WebPage page) =>
        Markup.Tags(page.Html, "section").Concat(Markup.Tags(page.Html, "tr"))
            .Where(t => t["data-reference"] is not null)
            .Select(t => new ChangeOnPage(t["data-reference"]!, t["data-state"] ?? "", Markup.Text(page.Html[t.End..Markup.EndOf(page.Html, t)])))
            .ToList();

    public static ChangeOnPage Change(WebPage page, string reference) =>
        Changes(page).SingleOrDefault(c => c.Reference == reference)
        ?? throw new Xunit.Sdk.XunitException($"{page.Address} does not show request {reference}:\n{page.Text}");

    /// <summary>The items of the error summary, in order.</summary>
    public static IReadOnlyList<string> ErrorSummary(WebPage page)
    {
        var summary = Markup.Tags(page.Html, "div").FirstOrDefault(d => d.HasClass("error-summary"));
        if (summary is null) return [];
        var end = page.Html.IndexOf("</ul>", summary.End, StringComparison.Ordinal);
        return Markup.Tags(page.Html, "li", summary.End, end).Select(li => Markup.Text(page.Html[li.End..Markup.EndOf(page.Html, li)])).ToList();
    }

    /// <summary>
    /// The error shown next to a field: the text of p#{field}-erreur, checked to be bound to the field
    /// (aria-describedby, aria-invalid) and linked from the summary.
    /// </summary>
    public static string FieldError(WebPage page, string field)
    {
        var error = Markup.Tags(page.Html, "p").SingleOrDefault(p => p["id"] == $"{field}-erreur")
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} shows no error next to «{field}»:\n{page.Text}");
        var control = Markup.Tags(page.Html, "input").Concat(Markup.Tags(page.Html, "select")).Concat(Markup.Tags(page.Html, "textarea"))
            .Concat(Markup.Tags(page.Html, "fieldset"))
            .FirstOrDefault(c => c["aria-describedby"]?.Split(' ').Contains($"{field}-erreur") == true);
        Assert.True(control is not null, $"No control of {page.Address} is described by {field}-erreur.");
        Assert.Contains(Markup.Tags(page.Html, "a"), a => a["href"] == $"#{field}");
        return Markup.Text(page.Html[error.End..Markup.EndOf(page.Html, error)]).Replace("Erreur : ", "", StringComparison.Ordinal);
    }

    /// <summary>The links of the documents submitted with a request, on the agent's page.</summary>
    public static IReadOnlyList<string> DocumentLinks(WebPage page)
    {
        var links = new List<string>();
        foreach (var item in Markup.Tags(page.Html, "li").Where(li => li["data-document-id"] is not null))
            links.AddRange(Markup.Tags(page.Html, "a", item.End, Markup.EndOf(page.Html, item)).Select(a => a["href"] ?? ""));
        return links;
    }
}
