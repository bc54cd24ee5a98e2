using CarteValoise.Contracts.Accounts;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// Once the handler has redeemed the code and checked the id_token: the cloud checks everything
/// again (id_token, nonce, userinfo JWT), opens its session — or links FranceConnect to the
/// signed-in account —, and the handler signs in with that session, in the same cookie as a
/// password sign-in, keeping the raw id_token for FranceConnect's logout.
/// </summary>
internal static class FranceConnectSession
{
    public const string LinkedElsewhere = "Cette identité FranceConnect est déjà liée à un autre compte CarteValoise : elle n'a pas été liée au vôtre.";

    public static async Task OpenAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FranceConnectSession));
        var accounts = http.RequestServices.GetRequiredService<Accounts.AccountsClient>();
        var linking = context.Properties?.Items.ContainsKey(FranceConnectSignIn.LinkItem) == true;
        var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken ?? "";
        var request = new FranceConnectSignInRequest
        {
            IdToken = idToken,
            AccessToken = context.TokenEndpointResponse?.AccessToken ?? "",
            Nonce = context.Nonce ?? "",
            Client = SessionClients.Of(http),
            LinkToCurrentAccount = linking,
        };

        // The callback is not authenticated by the cookie (the handler runs first): linking carries the current session's token itself.
        string? currentToken = null;
        string? currentAccount = null;
        if (linking)
        {
            var current = (await http.AuthenticateAsync(SessionClaims.Scheme)).Principal;
            currentToken = current?.SessionToken();
            currentAccount = current?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            if (currentToken is null)
            {
                Refuse(context, "/Connexion", FranceConnectSignIn.SessionEnded);
                return;
            }
        }
        var headers = currentToken is null ? null : new Metadata { { "authorization", $"Bearer {currentToken}" } };

        Session session;
        try
        {
            session = await accounts.SignInWithFranceConnectAsync(request, headers, cancellationToken: http.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            Refuse(context, linking ? "/Compte" : "/Connexion", FranceConnectSignIn.Unavailable);
            return;
        }
        catch (RpcException refusal)
        {
            logger.LogWarning("The cloud refused a FranceConnect sign-in: {Status} {Detail}", refusal.StatusCode, refusal.Status.Detail);
            Refuse(context, linking ? "/Compte" : "/Connexion", string.IsNullOrWhiteSpace(refusal.Status.Detail) ? FranceConnectSignIn.Failed : refusal.Status.Detail);
            return;
        }

        var role = session.Identity?.Role ?? Role.Unspecified;
        if (role is not (Role.Parent or Role.Agent) || string.IsNullOrEmpty(session.Token) || session.ExpiresAt is null)
        {
            Refuse(context, "/Connexion", FranceConnectSignIn.NoPageForRole);
            return;
        }
        if (linking && session.Identity!.AccountId != currentAccount)
        {
            // That FranceConnect identity belongs to another account already: the session the cloud
            // opened for it ends at once, and the person stays signed in as themselves.
            await EndQuietlyAsync(accounts, session.Token, logger, http.RequestAborted);
            Refuse(context, "/Compte", LinkedElsewhere);
            return;
        }
        if (linking && currentToken != session.Token)
        {
            // The cloud opened a session of its own for the link: the one it replaces ends, so that the list stays true.
            await EndQuietlyAsync(accounts, currentToken!, logger, http.RequestAborted);
        }

        // The handler signs in with this principal and these properties: the same cookie as a
        // password sign-in, ending with the cloud's token, plus the id_token for FranceConnect's logout.
        context.Principal = SessionClaims.ToPrincipal(session);
        var properties = context.Properties ??= new AuthenticationProperties();
        properties.IsPersistent = false;
        properties.AllowRefresh = true;
        properties.ExpiresUtc = session.ExpiresAt.ToDateTimeOffset();
        properties.StoreTokens([new AuthenticationToken
        {
            Name = PortalSignOut.IdTokenName,
            Value = session.FranceconnectIdToken.Length > 0 ? session.FranceconnectIdToken : idToken,
        }]);
        if (linking)
        {
            properties.RedirectUri = "/Compte";
            Notices.Leave(http, Notices.Done, FranceConnectSignIn.Linked);
        }
        else
        {
            properties.RedirectUri = Landing.After(properties.RedirectUri, role == Role.Agent);
        }
    }

    private static async Task EndQuietlyAsync(Accounts.AccountsClient accounts, string token, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.SignOutAsync(new SignOutRequest(), new Metadata { { "authorization", $"Bearer {token}" } }, cancellationToken: cancellationToken);
        }
        catch (RpcException refusal)
        {
            logger.LogInformation("A session left behind by FranceConnect could not be ended: {Status}", refusal.StatusCode);
        }
    }

    private static void Refuse(TokenValidatedContext context, string page, string message)
    {
        Notices.Leave(context.HttpContext, Notices.Refusal, message);
        context.Response.Redirect(page);
        context.HandleResponse();
    }
}
