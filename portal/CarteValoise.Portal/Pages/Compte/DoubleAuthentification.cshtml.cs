using System.Security.Claims;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Compte;

/// <summary>
/// Double authentication: begin (the cloud makes a secret, shown as a QR code and as text, until
/// the first code proves the phone has it), confirm with that first code (the cloud puts it in
/// force and gives the recovery codes, shown here once), or turn it off with the password.
/// </summary>
public sealed class DoubleAuthentificationModel(Accounts.AccountsClient accounts, TotpEnrolments enrolments) : PageModel
{
    public const string CodeField = "Code";
    public const string PasswordField = "Password";
    public const string Disabled = "La double authentification est désactivée : votre mot de passe suffit de nouveau pour vous connecter.";
    public const string Restart = "L'activation a pris trop de temps : recommencez, puis scannez le nouveau QR code.";

    [BindProperty(Name = CodeField)]
    public string? Code { get; set; }

    [BindProperty(Name = PasswordField)]
    public string? Password { get; set; }

    public AccountDetails Account { get; private set; } = null!;

    /// <summary>The enrolment under way: the QR code and the secret to show, the first code to ask.</summary>
    public TotpEnrolment? Enrolment { get; private set; }

    /// <summary>The recovery codes, once, right after the first code was right.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    private string AccountId => User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (!Account.TotpEnabled) Enrolment = enrolments.Read(HttpContext, AccountId);
    }

    /// <summary>«Commencer l'activation» (the page's plain POST): the QR code is then shown by the page itself.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var enrolment = await accounts.BeginTotpAsync(new BeginTotpRequest(), cancellationToken: HttpContext.RequestAborted);
            enrolments.Remember(HttpContext, enrolment, AccountId);
            return Redirect(TotpEnrolments.PagePath);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition)
        {
            ModelState.AddModelError(string.Empty, refusal.Status.Detail);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        Enrolment = enrolments.Read(HttpContext, AccountId);
        if (Enrolment is null)
        {
            ModelState.AddModelError(string.Empty, Restart);
        }
        else if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(CodeField, "Saisissez le code à 6 chiffres que votre application affiche.");
        }
        else
        {
            try
            {
                RecoveryCodes = (await accounts.ConfirmTotpAsync(new ConfirmTotpRequest { Code = Code.Trim() }, cancellationToken: HttpContext.RequestAborted)).Codes;
                Enrolment = null;
                enrolments.Forget(HttpContext);
            }
            catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument)
            {
                CloudProblems.AddTo(ModelState, refusal, [(CodeField, ["code"])], "Code incorrect.");
            }
            catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.ResourceExhausted)
            {
                ModelState.AddModelError(string.Empty, refusal.Status.Detail);
                Enrolment = null;
                enrolments.Forget(HttpContext);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(PasswordField, "Saisissez votre mot de passe.");
            await LoadAsync();
            return Page();
        }
        try
        {
            await accounts.DisableTotpAsync(new DisableTotpRequest { Password = Password }, cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition or GrpcStatus.ResourceExhausted)
        {
            CloudProblems.AddTo(ModelState, refusal, [(PasswordField, ["mot de passe"])], "La double authentification reste activée.");
            await LoadAsync();
            return Page();
        }
        TempData[Notices.Done] = Disabled;
        return Redirect("/Compte");
    }

    public string QrCodeSvg => Enrolment is null ? "" : TotpQrCode.Svg(Enrolment.OtpauthUri, "qr-legende");

    /// <summary>The secret in groups of four, easier to type: «JBSW Y3DP EHPK 3PXP».</summary>
    public string SecretForTyping => Enrolment is null ? "" : string.Join(' ', Enrolment.Secret.Chunk(4).Select(group => new string(group)));

    private async Task LoadAsync() =>
        Account = await accounts.GetAccountAsync(new GetAccountRequest(), cancellationToken: HttpContext.RequestAborted);
}
