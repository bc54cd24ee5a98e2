using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Inscription;

/// <summary>
/// «Créer un compte»: one account for every commune. The page checks only what is its own (every
/// field filled in, the password typed twice alike); the cloud checks the rest and answers each
/// problem in French, put next to its field. Then the cloud mails a confirmation link.
/// </summary>
public sealed class IndexModel(Accounts.AccountsClient accounts) : PageModel
{
    /// <summary>The rules of the cloud's password policy, as the person reads them before typing.</summary>
    public const string PasswordRules =
        "Au moins 12 caractères, de deux sortes au moins (minuscules, majuscules, chiffres, symboles ou espaces), et pas votre adresse électronique. Une phrase de quelques mots convient très bien.";

    public const string Mismatch = "Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe dans les deux champs.";

    /// <summary>Which of the cloud's problems goes next to which field, by the words it uses (first match wins).</summary>
    private static readonly IReadOnlyList<(string Field, string[] Words)> Fields =
    [
        (nameof(Password), ["mot de passe"]),
        (nameof(Email), ["adresse électronique"]),
        (nameof(GivenName), ["prénom"]),
        (nameof(FamilyName), ["nom"]),
    ];

    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordConfirmation { get; set; }

    /// <summary>The cloud's sentence once the mail is sent («Un courriel de confirmation a été envoyé à …»).</summary>
    public string? Sent { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/Compte") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Required(GivenName, nameof(GivenName), "Indiquez votre prénom.");
        Required(FamilyName, nameof(FamilyName), "Indiquez votre nom.");
        Required(Email, nameof(Email), "Indiquez votre adresse électronique.");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Choisissez un mot de passe.");
        else if (Password != PasswordConfirmation) ModelState.AddModelError(nameof(PasswordConfirmation), Mismatch);
        if (!ModelState.IsValid) return Page();

        try
        {
            var reply = await accounts.RegisterAsync(new RegisterRequest
            {
                GivenName = GivenName!.Trim(),
                FamilyName = FamilyName!.Trim(),
                Email = Email!.Trim(),
                Password = Password,
            }, cancellationToken: HttpContext.RequestAborted);
            Sent = reply.Message;
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition or GrpcStatus.AlreadyExists)
        {
            CloudProblems.AddTo(ModelState, refusal, Fields, "Le compte n'a pas été créé.");
        }
        return Page();
    }

    private void Required(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(field, message);
    }
}
