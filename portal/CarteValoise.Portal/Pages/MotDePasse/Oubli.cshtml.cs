using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.MotDePasse;

/// <summary>
/// «Mot de passe oublié ?»: the cloud mails a link to choose a new one. Its answer is the same
/// whether the address has an account or not, so that this page tells nobody who has one.
/// </summary>
public sealed class OubliModel(Accounts.AccountsClient accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The cloud's sentence once asked («Si un compte existe pour …»).</summary>
    public string? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Indiquez votre adresse électronique.");
            return Page();
        }
        try
        {
            Sent = (await accounts.RequestPasswordResetAsync(new PasswordResetRequest { Email = Email.Trim() },
                cancellationToken: HttpContext.RequestAborted)).Message;
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.ResourceExhausted)
        {
            CloudProblems.AddTo(ModelState, refusal, [(nameof(Email), ["adresse"])], "Le courriel n'a pas été envoyé.");
        }
        return Page();
    }
}
