using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.MotDePasse;

/// <summary>
/// The link of the reset mail: a new password, typed twice. The cloud takes the link once and
/// before it expires; a reset ends every session of the account, so the person signs in again.
/// </summary>
public sealed class NouveauModel(Accounts.AccountsClient accounts) : PageModel
{
    public const string Changed = "Votre mot de passe est changé : connectez-vous avec le nouveau. Vos autres sessions sont fermées.";

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? NewPasswordConfirmation { get; set; }

    /// <summary>The link itself is refused (used already, expired): the form is of no use any more.</summary>
    public string? LinkRefused { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrWhiteSpace(Token)) LinkRefused = "Ce lien est incomplet : ouvrez le lien du courriel tel qu'il a été envoyé, ou demandez-en un nouveau.";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        OnGet();
        if (LinkRefused is not null) return Page();
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Choisissez un mot de passe.");
        else if (NewPassword != NewPasswordConfirmation) ModelState.AddModelError(nameof(NewPasswordConfirmation), Inscription.IndexModel.Mismatch);
        if (!ModelState.IsValid) return Page();

        try
        {
            await accounts.ResetPasswordAsync(new ResetPasswordRequest { Token = Token!.Trim(), NewPassword = NewPassword },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument)
        {
            CloudProblems.AddTo(ModelState, refusal, [(nameof(NewPassword), ["mot de passe"])], "Le mot de passe n'a pas été changé.");
            return Page();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.NotFound)
        {
            LinkRefused = refusal.Status.Detail;
            return Page();
        }
        TempData[Notices.Done] = Changed;
        return Redirect("/Connexion");
    }
}
