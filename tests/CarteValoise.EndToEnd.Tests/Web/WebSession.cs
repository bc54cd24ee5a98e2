using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web;

/// <summary>A page as the server sent it: where the redirects ended, the status, the markup and its text.</summary>
public sealed record WebPage(HttpStatusCode Status, Uri Address, string Html)
{
    public string Text => Markup.Text(Html);
}

/// <summary>
/// A person using the portal or the kiosk with a plain HTTP client: cookies kept, redirects
/// followed, and forms posted with the anti-forgery token the page carried, as a browser would.
/// </summary>
public sealed class WebSession(Uri site) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<WebPage> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await Read(response);
    }

    /// <summary>Opens the page holding the form, fills it in and posts it back with the page's anti-forgery token.</summary>
    public async Task<WebPage> SubmitFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        var form = await GetAsync(path);
        Assert.True(form.Status == HttpStatusCode.OK, $"GET {path} answered {(int)form.Status}.");
        var token = Markup.Tags(form.Html, "input").FirstOrDefault(i => i["name"] == "__RequestVerificationToken")?["value"]
            ?? throw new Xunit.Sdk.XunitException($"{path} carries no __RequestVerificationToken field.");
        var posted = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(posted));
        return await Read(response);
    }

    /// <summary>
    /// Opens a page, fills in the form that holds this field and posts it where the form says
    /// (its action), with the page's anti-forgery token, as a browser would.
    /// </summary>
    public async Task<WebPage> SubmitFormHoldingAsync(string path, string field, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} answered {(int)page.Status}.");
        var form = Markup.Tags(page.Html, "form")
            .FirstOrDefault(f => Markup.Tags(page.Html, "input", f.End, Markup.EndOf(page.Html, f))
                .Concat(Markup.Tags(page.Html, "select", f.End, Markup.EndOf(page.Html, f)))
                .Any(control => control["name"] == field))
            ?? throw new Xunit.Sdk.XunitException($"{path} has no form with a field named {field}.");
        var token = Markup.Tags(page.Html, "input", form.End, Markup.EndOf(page.Html, form)).FirstOrDefault(i => i["name"] == "__RequestVerificationToken")?["value"]
            ?? throw new Xunit.Sdk.XunitException($"The form of {path} holding {field} carries no __RequestVerificationToken field.");
        var posted = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await http.PostAsync(form["action"] ?? path, new FormUrlEncodedContent(posted));
        return await Read(response);
    }

    /// <summary>Posts these fields as they are, with no anti-forgery token added: a forged form, or one from a page kept too long.</summary>
    public async Task<WebPage> PostAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        return await Read(response);
    }

    public Task<WebPage> SignInAsync(string email, string password) =>
        SubmitFormAsync("/Connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public void Dispose() => http.Dispose();

    private static async Task<WebPage> Read(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
}
