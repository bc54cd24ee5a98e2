using System.Net;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Security;

/// <summary>
/// The headers of the portal's and the kiosk's answers: every page under a Content-Security-Policy
/// that lets in no script and no style but the site's own files, and no other site's frame; no
/// answer sniffed for another type; no address of a page sent to another site. The citizen's pages
/// signed in are checked in the browser (Browser/Accessibility), where no page breaks the policy.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityHeadersTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static TheoryData<string, string, string, HttpStatusCode> Answers => new()
    {
        { "portal", "GET", "/Connexion", HttpStatusCode.OK },
        { "portal", "GET", "/page-qui-n-existe-pas", HttpStatusCode.NotFound },
        { "portal", "POST", "/Connexion", HttpStatusCode.BadRequest },
        { "kiosk", "GET", "/", HttpStatusCode.OK },
        { "kiosk", "GET", "/Fin", HttpStatusCode.OK },
        { "kiosk", "POST", "/", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public Task A_page_carries_the_security_headers(string site, string method, string path, HttpStatusCode status) => platform.RunAsync(output, async () =>
    {
        using var http = await ClientAsync(site);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string>()) : null,
        });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
    });

    [Theory]
    [InlineData("portal")]
    [InlineData("kiosk")]
    public Task The_style_sheet_is_not_sniffed_and_sends_no_address_away(string site) => platform.RunAsync(output, async () =>
    {
        using var http = await ClientAsync(site);

        using var response = await http.GetAsync("/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
    });

    private async Task<HttpClient> ClientAsync(string site) =>
        new(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = site == "kiosk" ? await platform.KioskAsync() : await platform.PortalAsync(),
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static string Single(HttpResponseMessage response, string header)
    {
        Assert.True(response.Headers.TryGetValues(header, out var values), $"The answer has no {header} header.");
        return Assert.Single(values);
    }
}
