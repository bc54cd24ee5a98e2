using System.Net;
using System.Net.Http.Headers;

namespace CarteValoise.EndToEnd.Tests.Web.AgentImport;

/// <summary>
/// An agent at the import pages with a plain HTTP client, as a browser without JavaScript: cookies
/// kept, redirects followed, a file sent as multipart/form-data with the page's anti-forgery token,
/// and a page that asks to be refreshed (the HTTP Refresh header) reloaded after the delay it asks
/// for. <see cref="WebSession"/> posts url-encoded forms only, hence this client for the upload.
/// </summary>
public sealed class UploadingAgent(Uri site) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(120),
    };

    public async Task SignInAsync(string email, string password)
    {
        var form = await GetAsync("/Connexion");
        using var response = await http.PostAsync("/Connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = TokenOf(form.Html, 0, form.Html.Length, "/Connexion"),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<WebPage> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await Read(response);
    }

    /// <summary>Opens the page, then sends <paramref name="content"/> as its file field with the multipart form's token.</summary>
    public async Task<WebPage> UploadAsync(string path, string field, string fileName, byte[] content)
    {
        var page = await GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} answered {(int)page.Status}.");
        var form = Markup.Tags(page.Html, "form").FirstOrDefault(f => f["enctype"] == "multipart/form-data")
            ?? throw new Xunit.Sdk.XunitException($"{path} has no multipart form.");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(TokenOf(page.Html, form.End, Markup.EndOf(page.Html, form), path)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, field, fileName);
        using var response = await http.PostAsync(form["action"] ?? path, body);
        return await Read(response);
    }

    /// <summary>Presses the button of the page's form that posts to a handler, as a browser would.</summary>
    public async Task<WebPage> PressAsync(string path, string handler)
    {
        var page = await GetAsync(path);
        var form = Markup.Tags(page.Html, "form").FirstOrDefault(f => f["action"]?.Contains($"handler={handler}", StringComparison.Ordinal) == true)
            ?? throw new Xunit.Sdk.XunitException($"{path} has no form posting to the {handler} handler.");
        using var response = await http.PostAsync(form["action"], new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(page.Html, form.End, Markup.EndOf(page.Html, form), path),
        }));
        return await Read(response);
    }

    /// <summary>
    /// Follows a page that refreshes itself until it no longer asks to, within <paramref name="patience"/>:
    /// what a browser does with the job page, the delay being the page's own.
    /// </summary>
    public async Task<WebPage> FollowRefreshesAsync(string path, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            using var response = await http.GetAsync(path);
            var page = await Read(response);
            if (!response.Headers.TryGetValues("Refresh", out var refresh)) return page;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} still refreshes itself after {patience.TotalSeconds:0} s: {page.Text}");
            var seconds = int.Parse(refresh.First().Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 1, 2);
            await Task.Delay(TimeSpan.FromSeconds(seconds));
        }
    }

    public void Dispose() => http.Dispose();

    private static string TokenOf(string html, int from, int to, string path) =>
        Markup.Tags(html, "input", from, to).FirstOrDefault(i => i["name"] == "__RequestVerificationToken")?["value"]
        ?? throw new Xunit.Sdk.XunitException($"The form of {path} carries no __RequestVerificationToken field.");

    private static async Task<WebPage> Read(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
}
