using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web.AgentCounts;

/// <summary>A file as the portal sent it: the bytes as they are (a byte order mark included), its type and its name.</summary>
public sealed record DownloadedFile(HttpStatusCode Status, string? ContentType, string? Disposition, byte[] Bytes);

/// <summary>
/// A signed-in agent fetching files from the portal (the kitchen's CSV, an invoice's PDF) with a
/// plain HTTP client, its own cookies kept: pages read as text lose a byte order mark, files must not.
/// </summary>
public sealed class Downloads(Uri site) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task SignInAsync(string email, string password)
    {
        var form = await http.GetStringAsync("/Connexion");
        var token = Markup.Tags(form, "input").First(i => i["name"] == "__RequestVerificationToken")["value"]!;
        using var response = await http.PostAsync("/Connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath != "/Connexion", $"{email} could not sign in to download files.");
    }

    public async Task<DownloadedFile> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return new DownloadedFile(response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => http.Dispose();
}
