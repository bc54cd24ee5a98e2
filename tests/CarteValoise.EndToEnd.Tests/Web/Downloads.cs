using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web;

/// <summary>
/// A file as the portal sent it: the bytes as they are (a byte order mark included), its type (the
/// whole header, and the media type alone), the Content-Disposition header and the name it is saved under.
/// </summary>
public sealed record DownloadedFile(HttpStatusCode Status, string? ContentType, string? MediaType, string? Disposition, string? FileName, byte[] Bytes);

/// <summary>
/// A signed-in agent or parent fetching files from the portal (the kitchen's CSV, an invoice's PDF)
/// with a plain HTTP client, its own cookies kept: pages read as text lose a byte order mark, files must not.
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
        var type = response.Content.Headers.ContentType;
        var disposition = response.Content.Headers.ContentDisposition;
        return new DownloadedFile(response.StatusCode, type?.ToString(), type?.MediaType, disposition?.ToString(),
            disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'), await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => http.Dispose();
}
