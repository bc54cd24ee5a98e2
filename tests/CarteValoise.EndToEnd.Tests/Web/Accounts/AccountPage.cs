namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// What the account pages show, read through their markers: the error next to a field
/// (p#{field}-erreur), the error summary's items, a notice by its id, a form field's value.
/// </summary>
public static class AccountPage
{
    /// <summary>The error shown next to a field, without the «Erreur : » said to screen readers only.</summary>
    public static string? FieldError(WebPage page, string field) =>
        TextOf(page, "p", $"{field}-erreur") is { } text && text.StartsWith(HiddenPrefix, StringComparison.Ordinal) ? text[HiddenPrefix.Length..] : null;

    private const string HiddenPrefix = "Erreur : ";

    public static IReadOnlyList<string> SummaryErrors(WebPage page)
    {
        var summary = Markup.Tags(page.Html, "div").FirstOrDefault(d => d.HasClass("error-summary"));
        if (summary is null) return [];
        var end = page.Html.IndexOf("</ul>", summary.End, StringComparison.Ordinal);
        return Markup.Tags(page.Html, "li", summary.End, end)
            .Select(li => Markup.Text(page.Html[li.End..Markup.EndOf(page.Html, li)]))
            .ToList();
    }

    /// <summary>The text of the element with that id (elements of these pages do not nest in themselves).</summary>
    public static string? TextOf(WebPage page, string tag, string id)
    {
        var element = Markup.Tags(page.Html, tag).FirstOrDefault(t => t["id"] == id);
        return element is null ? null : Markup.Text(page.Html[element.End..Markup.EndOf(page.Html, element)]);
    }

    public static Tag? ById(WebPage page, string tag, string id) => Markup.Tags(page.Html, tag).FirstOrDefault(t => t["id"] == id);

    /// <summary>The account's address on «Mon compte» as read (the &lt;wbr&gt; that let it wrap on a phone add nothing), and its state.</summary>
    public static string? AddressShown(WebPage page)
    {
        var dd = ById(page, "dd", "adresse");
        if (dd is null) return null;
        var text = Markup.Text(page.Html[dd.End..Markup.EndOf(page.Html, dd)].Replace("<wbr>", "", StringComparison.Ordinal));
        Assert.Equal(dd["data-email"], text.Split(' ')[0]);
        return text;
    }

    /// <summary>The page's &lt;h1&gt;, as read.</summary>
    public static string Heading(WebPage page)
    {
        var h1 = Markup.Tags(page.Html, "h1").FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"{page.Address} has no <h1>:\n{page.Text}");
        return Markup.Text(page.Html[h1.End..Markup.EndOf(page.Html, h1)]);
    }
}
