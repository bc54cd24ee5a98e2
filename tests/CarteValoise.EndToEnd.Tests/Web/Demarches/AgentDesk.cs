using System.Net;
using System.Net.Http.Headers;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// An agent at the démarches pages (/Admin/Demarches) with a plain HTTP client, as a browser without
/// JavaScript: cookies kept, redirects followed, a form of a page sent where it says with that form's
/// own anti-forgery token (a page may hold many forms: a request's moves, messages, assignment),
/// a file uploaded as multipart/form-data, and files downloaded as bytes.
/// </summary>
public sealed class AgentDesk(Uri site) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<AgentDesk> SignedInAsync(Uri site, string email)
    {
        var desk = new AgentDesk(site);
        var page = await desk.GetAsync("/Connexion");
        var signedIn = await desk.SendAsync(page, Markup.Tags(page.Html, "form").First(f => Holds(page.Html, f, "Email", null)), new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Platform.Demo.AgentPassword,
        });
        Assert.NotEqual("/Connexion", signedIn.Address.AbsolutePath);
        return desk;
    }

    public async Task<WebPage> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await Read(response);
    }

    /// <summary>
    /// Sends the form of <paramref name="page"/> that holds a control named <paramref name="field"/>
    /// (with that value, when given: a button, a hidden input), with these fields, that form's hidden
    /// inputs (its operation id…) and its token, as pressing its button does.
    /// </summary>
    public async Task<WebPage> SubmitAsync(WebPage page, string field, string? value, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = Markup.Tags(page.Html, "form").FirstOrDefault(f => Holds(page.Html, f, field, value))
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} has no form holding «{field}»{(value is null ? "" : $" = «{value}»")}:\n{page.Text}");
        var posted = new Dictionary<string, string>();
        foreach (var hidden in Markup.Tags(page.Html, "input", form.End, Markup.EndOf(page.Html, form)).Where(i => i["type"] == "hidden" && i["name"] is not null))
            posted[hidden["name"]!] = hidden["value"] ?? "";
        if (value is not null) posted[field] = value;
        foreach (var (name, typed) in fields ?? new Dictionary<string, string>()) posted[name] = typed;
        return await SendAsync(page, form, posted);
    }

    /// <summary>Opens the page and sends a file through its multipart form, with that form's token.</summary>
    public async Task<WebPage> UploadAsync(string path, string field, string fileName, byte[] content, string contentType = "application/json")
    {
        var page = await GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} answered {(int)page.Status}.");
        var form = Markup.Tags(page.Html, "form").FirstOrDefault(f => f["enctype"] == "multipart/form-data")
            ?? throw new Xunit.Sdk.XunitException($"{path} has no multipart form.");
        using var body = new MultipartFormDataContent { { new StringContent(TokenOf(page, form)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, field, fileName);
        using var response = await http.PostAsync(form["action"] ?? path, body);
        return await Read(response);
    }

    public async Task<DownloadedFile> DownloadAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var type = response.Content.Headers.ContentType;
        var disposition = response.Content.Headers.ContentDisposition;
        return new DownloadedFile(response.StatusCode, type?.ToString(), type?.MediaType, disposition?.ToString(),
            disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'), await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => http.Dispose();

    private async Task<WebPage> SendAsync(WebPage page, Tag form, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TokenOf(page, form);
        var action = form["action"] is { Length: > 0 } given ? given : page.Address.PathAndQuery;
        using var response = await http.PostAsync(action, new FormUrlEncodedContent(fields));
        return await Read(response);
    }

    private static bool Holds(string html, Tag form, string field, string? value)
    {
        var end = Markup.EndOf(html, form);
        return new[] { "input", "select", "textarea", "button" }
            .SelectMany(name => Markup.Tags(html, name, form.End, end))
            .Any(control => control["name"] == field && (value is null || control["value"] == value));
    }

    private static string TokenOf(WebPage page, Tag form) =>
        Markup.Tags(page.Html, "input", form.End, Markup.EndOf(page.Html, form)).FirstOrDefault(i => i["name"] == "__RequestVerificationToken")?["value"]
        ?? throw new Xunit.Sdk.XunitException($"A form of {page.Address} carries no __RequestVerificationToken field.");

    private static async Task<WebPage> Read(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
}
