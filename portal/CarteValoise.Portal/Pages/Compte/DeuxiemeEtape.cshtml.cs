using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Compte;

/// <summary>
/// The second step of a sign-in, when the account has double authentication: the code of the
/// authenticator app, or one recovery code. The cloud's challenge comes from the password step in
/// a short-lived protected cookie; the password itself was never kept.
/// </summary>
public sealed class DeuxiemeEtapeModel(Accounts.AccountsClient accounts, SecondFactorChallenges challenges) : PageModel
{
    public const string CodeField = "Code";
    public const string Expired = "Cette étape de connexion a expiré : reconnectez-vous avec votre mot de passe.";

    [BindProperty(Name = CodeField)]
    public string? Code { get; set; }

    /// <summary>«Utiliser un code de secours»: the same step, asking for a recovery code instead.</summary>
    [BindProperty(SupportsGet = true, Name = "secours")]
    public bool WithRecoveryCode { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return Redirect("/");
        return challenges.Read(HttpContext) is null ? BackToPassword(Expired) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var pending = challenges.Read(HttpContext);
        if (pending is null) return BackToPassword(Expired);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(CodeField, WithRecoveryCode ? "Saisissez un de vos codes de secours." : "Saisissez le code à 6 chiffres de votre application.");
            return Page();
        }

        Session session;
        try
        {
            session = await accounts.CompleteSecondFactorAsync(new SecondFactorRequest
            {
                Challenge = pending.Challenge,
                Code = Code.Trim(),
                Client = SessionClients.Of(HttpContext),
            }, cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unauthenticated or GrpcStatus.InvalidArgument)
        {
            // A wrong code: said next to the field, the challenge stays for another try.
            ModelState.AddModelError(CodeField, string.IsNullOrWhiteSpace(refusal.Status.Detail) ? "Code incorrect." : refusal.Status.Detail);
            return Page();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.ResourceExhausted)
        {
            // The challenge expired or was used, or too many wrong codes: start again from the password.
            return BackToPassword(refusal.Status.Detail);
        }

        challenges.Forget(HttpContext);
        var role = session.Identity?.Role ?? Role.Unspecified;
        if (role is not (Role.Parent or Role.Agent) || session.Token.Length == 0)
            return BackToPassword(ConnexionModel.WrongCredentials);
        await HttpContext.SignInWithSessionAsync(session);
        return Redirect(Landing.After(pending.ReturnUrl, role == Role.Agent));
    }

    private RedirectResult BackToPassword(string why)
    {
        challenges.Forget(HttpContext);
        TempData[Notices.Refusal] = why;
        return Redirect("/Connexion");
    }
}
