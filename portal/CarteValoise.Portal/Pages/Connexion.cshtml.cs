using CarteValoise.Contracts.Accounts;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages;

/// <summary>Sign-in with an email and a password; the cloud checks them and issues the session.</summary>
public sealed class ConnexionModel(Accounts.AccountsClient accounts) : PageModel
{
    public const string WrongCredentials = "Adresse électronique ou mot de passe incorrect.";
    public const string CloudUnavailable = "Le service est momentanément indisponible, réessayez dans un instant.";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Redirect(HomeOf(User.IsInRole(SessionRoles.Agent))) : Page();

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
                new SignInRequest { Email = email, Password = Password },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unauthenticated or GrpcStatus.PermissionDenied
                                               or GrpcStatus.NotFound or GrpcStatus.InvalidArgument)
        {
            ModelState.AddModelError(string.Empty, WrongCredentials);
            return Page();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unavailable or GrpcStatus.DeadlineExceeded)
        {
            ModelState.AddModelError(string.Empty, CloudUnavailable);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        var role = session.Identity?.Role ?? Role.Unspecified;
        if (role is not (Role.Parent or Role.Agent))
        {
            // A session the portal has no page for: refuse it as a wrong sign-in, keep no cookie.
            ModelState.AddModelError(string.Empty, WrongCredentials);
            return Page();
        }

        await HttpContext.SignInWithSessionAsync(session);
        return Redirect(NextPage(role == Role.Agent));
    }

    // Back to the page that asked for a sign-in, when it is one of ours and meant for this role.
    private string NextPage(bool agent)
    {
        var home = HomeOf(agent);
        if (!Url.IsLocalUrl(ReturnUrl) || ReturnUrl == "/")
        {
            return home;
        }
        var forAgents = ReturnUrl.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase);
        return forAgents == agent ? ReturnUrl : home;
    }

    private static string HomeOf(bool agent) => agent ? "/Admin" : "/";
}
