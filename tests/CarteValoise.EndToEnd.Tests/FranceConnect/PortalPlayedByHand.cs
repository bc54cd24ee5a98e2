using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CarteValoise.EndToEnd.Tests.FranceConnect;

/// <summary>What FranceConnect hands a client at the end of the code flow.</summary>
public sealed record FranceConnectTokens(string IdToken, string AccessToken, string Nonce);

/// <summary>
/// The test plays the portal's part of the code flow against the local provider, by hand (authorize,
/// then the token request with the client secret), so that it can bring the cloud what a
/// dishonest portal, or an attacker in between, would bring.
/// </summary>
public static class PortalPlayedByHand
{
    public static async Task<FranceConnectTokens> SignInAsync(LocalFranceConnect franceConnect)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var redirectUri = franceConnect.RedirectUris[0];
        var authorize = QueryHelpers.AddQueryString($"{franceConnect.Issuer}/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = LocalFranceConnect.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = string.Join(' ', LocalFranceConnect.KnownScopes),
            ["acr_values"] = "eidas1",
            ["state"] = state,
            ["nonce"] = nonce,
        });
        using var redirect = await http.GetAsync(authorize);
        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"authorize answered {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        var back = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        Assert.Equal(state, back["state"].ToString());

        using var answer = await http.PostAsync($"{franceConnect.Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = LocalFranceConnect.ClientId,
            ["client_secret"] = LocalFranceConnect.ClientSecret,
            ["redirect_uri"] = redirectUri,
            ["code"] = back["code"].ToString(),
        }));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"token answered {(int)answer.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return new FranceConnectTokens(json.RootElement.GetProperty("id_token").GetString()!, json.RootElement.GetProperty("access_token").GetString()!, nonce);
    }
}
