using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages;

/// <summary>
/// Sign-in with an email and a password; the cloud checks them and issues the session, or asks for
/// the second factor (then the code step takes over), or refuses in French (throttled, email not
/// confirmed yet). FranceConnect is offered beside when it is configured.
/// </summary>
public sealed class ConnexionModel(Accounts.AccountsClient accounts, SecondFactorChallenges challenges, PortalFranceConnect franceConnect) : PageModel
{
    public const string WrongCredentials = "Adresse électronique ou mot de passe incorrect.";
    public const string CloudUnavailable = "Le service est momentanément indisponible, réessayez dans un instant.";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Left by the previous page: signed out everywhere, password changed…</summary>
    [TempData(Key = Notices.Done)]
    public string? Done { get; set; }

    /// <summary>Left by a refused FranceConnect sign-in or an expired second step.</summary>
    [TempData(Key = Notices.Refusal)]
    public string? Refusal { get; set; }

    public bool OffersFranceConnect => franceConnect.IsConfigured;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return Redirect(Landing.After(null, User.IsInRole(SessionRoles.Agent)));
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Saisissez votre adresse électronique.");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Saisissez votre mot de passe.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Session session;
        try
        {
            session = await accounts.SignInAsync(
                new SignInRequest { Email = email, Password = Password, Client = SessionClients.Of(HttpContext) },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unauthenticated or GrpcStatus.PermissionDenied
                                               or GrpcStatus.NotFound or GrpcStatus.InvalidArgument)
        {
            ModelState.AddModelError(string.Empty, WrongCredentials);
            return Page();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.ResourceExhausted or GrpcStatus.FailedPrecondition
                                           && !string.IsNullOrWhiteSpace(refusal.Status.Detail))
        {
            // Too many attempts (until when, in French), or an email not confirmed yet (a new link is on its way).
            ModelState.AddModelError(string.Empty, refusal.Status.Detail);
            return Page();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unavailable or GrpcStatus.DeadlineExceeded)
        {
            ModelState.AddModelError(string.Empty, CloudUnavailable);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (session.SecondFactorChallenge.Length > 0 && session.Token.Length == 0)
        {
            challenges.Remember(HttpContext, new PendingSecondFactor(session.SecondFactorChallenge, ReturnUrl));
            return Redirect(SecondFactorChallenges.StepPath);
        }

        var role = session.Identity?.Role ?? Role.Unspecified;
        if (role is not (Role.Parent or Role.Agent))
        {
            // A session the portal has no page for: refuse it as a wrong sign-in, keep no cookie.
            ModelState.AddModelError(string.Empty, WrongCredentials);
            return Page();
        }

        await HttpContext.SignInWithSessionAsync(session);
        return Redirect(Landing.After(ReturnUrl, role == Role.Agent));
    }

    /// <summary>«S'identifier avec FranceConnect»: off to FranceConnect, back through the handler's callback.</summary>
    public async Task<IActionResult> OnPostFranceConnectAsync()
    {
        if (!franceConnect.IsConfigured) return NotFound();
        var back = Landing.IsLocal(ReturnUrl) ? ReturnUrl : "/";
        if (await FranceConnectSignIn.TryChallengeAsync(HttpContext, new AuthenticationProperties { RedirectUri = back })) return new EmptyResult();
        ModelState.AddModelError(string.Empty, FranceConnectSignIn.Unreachable);
        return Page();
    }
}
