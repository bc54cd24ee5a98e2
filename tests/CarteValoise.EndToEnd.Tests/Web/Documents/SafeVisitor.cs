using System.Net;
using System.Net.Http.Headers;

namespace CarteValoise.EndToEnd.Tests.Web.Documents;

/// <summary>
/// Someone using /Documents with a plain HTTP client, as a browser would: cookies kept, redirects
/// followed, the upload form posted as multipart with its anti-forgery token, files read as bytes.
/// (WebSession posts url-encoded forms only, and Downloads reads no pages.)
/// </summary>
public sealed class SafeVisitor(Uri portal) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = portal,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<SafeVisitor> SignedInAsync(Uri portal, string email, string password)
    {
        var visitor = new SafeVisitor(portal);
        var signedIn = await visitor.PostFormAsync("/Connexion", "/Connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.True(signedIn.Address.AbsolutePath != "/Connexion", $"{email} could not sign in: {signedIn.Text}");
        return visitor;
    }

    public async Task<WebPage> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await Read(response);
    }

    /// <summary>Fills /Documents' upload form and posts it: the type, the date (yyyy-MM-dd) and the file under that name.</summary>
    public async Task<WebPage> UploadAsync(string type, string date, string fileName, byte[] content, string declaredType = "application/pdf")
    {
        var token = await TokenAsync("/Documents", form => form["enctype"] == "multipart/form-data");
        using var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(type), "type" },
            { new StringContent(date), "date" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        form.Add(file, "fichier", fileName);
        using var response = await http.PostAsync("/Documents", form);
        return await Read(response);
    }

    /// <summary>Opens the page, and posts its form (the first one whose action is <paramref name="action"/>) with its anti-forgery token.</summary>
    public async Task<WebPage> PostFormAsync(string page, string action, IReadOnlyDictionary<string, string>? fields = null)
    {
        var token = await TokenAsync(page, form => (form["action"] ?? page) == action);
        var posted = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        using var response = await http.PostAsync(action, new FormUrlEncodedContent(posted));
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

    private async Task<string> TokenAsync(string path, Func<Tag, bool> isTheForm)
    {
        var page = await GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} answered {(int)page.Status}.");
        var form = Markup.Tags(page.Html, "form").FirstOrDefault(f => f["method"]?.Equals("post", StringComparison.OrdinalIgnoreCase) == true && isTheForm(f))
            ?? throw new Xunit.Sdk.XunitException($"{path} has no such form.");
        return Markup.Tags(page.Html, "input", form.End, Markup.EndOf(page.Html, form)).FirstOrDefault(i => i["name"] == "__RequestVerificationToken")?["value"]
            ?? throw new Xunit.Sdk.XunitException($"The form of {path} carries no __RequestVerificationToken field.");
    }

    private static async Task<WebPage> Read(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
}
