using CarteValoise.Contracts.Accounts;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// Leaves the portal: the cloud ends the session (its token is refused everywhere from then on),
/// the cookie is cleared, and after a FranceConnect sign-in FranceConnect's own session is ended
/// too (a redirect to its session/end with the id_token kept at sign-in).
/// </summary>
public sealed class PortalSignOut(Accounts.AccountsClient accounts, PortalFranceConnect franceConnect, ILogger<PortalSignOut> logger)
{
    /// <summary>The id_token of a FranceConnect sign-in, among the cookie's tokens.</summary>
    public const string IdTokenName = "id_token";

    /// <summary>Ends the cloud's session of this browser. False when the cloud could not be told.</summary>
    public async Task<bool> EndCloudSessionAsync(HttpContext http)
    {
        if (http.User.SessionToken() is null) return true;
        try
        {
            await accounts.SignOutAsync(new SignOutRequest(), cancellationToken: http.RequestAborted);
            return true;
        }
        catch (RpcException refusal) when (refusal.StatusCode == StatusCode.Unauthenticated)
        {
            // Ended already (expired, or signed out everywhere from another device).
            return true;
        }
        catch (RpcException refusal) when (refusal.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            logger.LogWarning("The cloud could not be told of a sign-out: {Detail}", refusal.Status.Detail);
            return false;
        }
    }

    /// <summary>
    /// Clears the cookie; after a FranceConnect sign-in, answers with the redirect to FranceConnect's
    /// logout, which comes back to <paramref name="then"/>. True when that redirect is the answer.
    /// </summary>
    public async Task<bool> LeaveAsync(HttpContext http, string then)
    {
        var idToken = franceConnect.IsConfigured ? await http.GetTokenAsync(SessionClaims.Scheme, IdTokenName) : null;
        var toFranceConnect = false;
        if (!string.IsNullOrEmpty(idToken))
        {
            try
            {
                // The handler reads the id_token from the cookie still sent with this request, and answers with the redirect.
                await http.SignOutAsync(PortalFranceConnect.Scheme, new AuthenticationProperties { RedirectUri = then });
                toFranceConnect = true;
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
            {
                // FranceConnect unreachable: the portal's own sign-out still happens.
                logger.LogWarning(e, "FranceConnect could not be reached for a sign-out");
            }
        }
        await http.SignOutAsync(SessionClaims.Scheme);
        return toFranceConnect;
    }
}
