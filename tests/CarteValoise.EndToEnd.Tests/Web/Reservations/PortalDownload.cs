using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web.Reservations;

/// <summary>A file as the portal sent it: status, type, the name it is saved under, and its bytes.</summary>
public sealed record DownloadedFile(HttpStatusCode Status, string? ContentType, string? FileName, byte[] Bytes);

/// <summary>
/// A signed-in parent downloading a file (an invoice's PDF), where <see cref="WebSession"/> reads
/// pages as text: the bytes and the headers that name the file are what is checked here.
/// </summary>
public sealed class PortalDownload(Uri portal) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = portal,
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
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public async Task<DownloadedFile> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var disposition = response.Content.Headers.ContentDisposition;
        return new DownloadedFile(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'), await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => http.Dispose();
}
