using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web.Documents;

/// <summary>A document as /Documents lists it: its id, its group (valables, bientot-expires, expires), its file name and its text.</summary>
public sealed record ListedDocument(string Id, string Group, string FileName, string Text);

/// <summary>What /Documents shows, read from its markers: the documents in their groups, the error summary, each field's error.</summary>
public sealed record DocumentsPage(WebPage Page)
{
    public IReadOnlyList<ListedDocument> Documents =>
    [
        .. Markup.Tags(Page.Html, "li").Where(li => li["data-document-id"] is not null).Select(li =>
            new ListedDocument(li["data-document-id"]!, li["data-status"]!, li["data-file-name"]!, Markup.Text(Page.Html[li.Start..Markup.EndOf(Page.Html, li)]))),
    ];

    public ListedDocument Named(string fileName) =>
        Documents.SingleOrDefault(d => d.FileName == fileName) ?? throw new Xunit.Sdk.XunitException($"/Documents does not list «{fileName}»: {Page.Text}");

    /// <summary>The error summary's lines, each with the field it links to.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors
    {
        get
        {
            var summary = Markup.Tags(Page.Html, "div").FirstOrDefault(d => d.HasClass("error-summary"));
            if (summary is null) return [];
            var end = Page.Html.IndexOf("</ul>", summary.End, StringComparison.Ordinal);
            return [.. Markup.Tags(Page.Html, "a", summary.End, end).Select(a => (a["href"]!.TrimStart('#'), Markup.Text(Page.Html[a.End..Markup.EndOf(Page.Html, a)])))];
        }
    }

    /// <summary>The message shown at a field (its «Erreur :» prefix is for screen readers).</summary>
    public string? FieldError(string field)
    {
        var error = Markup.Tags(Page.Html, "p").FirstOrDefault(p => p["id"] == $"{field}-erreur");
        return error is null ? null : Markup.Text(Page.Html[error.End..Markup.EndOf(Page.Html, error)]).Replace("Erreur : ", "", StringComparison.Ordinal);
    }

    public static DocumentsPage Of(WebPage page)
    {
        Assert.True(page.Status == HttpStatusCode.OK && page.Address.AbsolutePath == "/Documents", $"Expected /Documents, got {(int)page.Status} {page.Address}: {page.Text}");
        return new DocumentsPage(page);
    }
}
