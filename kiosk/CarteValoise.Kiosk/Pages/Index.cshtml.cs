using CarteValoise.Contracts.Accounts;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using GrpcStatus = Grpc.Core.StatusCode;

namespace CarteValoise.Kiosk.Pages;

/// <summary>
/// «Passez votre carte»: the card number (typed by the reader, as a keyboard would) and the
/// family's PIN open a kiosk session; the cloud checks both.
/// </summary>
public sealed class IndexModel(Accounts.AccountsClient accounts, IOptions<KioskOptions> kiosk, TimeProvider time) : PageModel
{
    public const string WrongCard = "Carte ou code PIN incorrect.";
    public const string CloudUnavailable = "Le service est momentanément indisponible, réessayez dans un instant.";

    [BindProperty]
    public string? CardUid { get; set; }

    [BindProperty]
    public string? Pin { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Famille") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var card = CardUid?.Trim() ?? "";
        var pin = Pin?.Trim() ?? "";
        if (card.Length == 0)
        {
            ModelState.AddModelError(nameof(CardUid), "Passez votre carte devant le lecteur, ou saisissez son numéro.");
        }
        if (pin.Length == 0)
        {
            ModelState.AddModelError(nameof(Pin), "Saisissez votre code PIN.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Session session;
        try
        {
            session = await accounts.SignInWithCardAsync(
                new CardSignInRequest { CardUid = card, Pin = pin, KioskId = kiosk.Value.Id },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unauthenticated or GrpcStatus.PermissionDenied
                                               or GrpcStatus.NotFound or GrpcStatus.InvalidArgument
                                               or GrpcStatus.FailedPrecondition)
        {
            return Refused();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.Unavailable or GrpcStatus.DeadlineExceeded)
        {
            ModelState.AddModelError(string.Empty, CloudUnavailable);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (session.Identity?.Role != Role.KioskFamily)
        {
            // Only a read-only kiosk session may open here, whatever the cloud answered.
            return Refused();
        }

        var idleEnd = time.GetUtcNow().AddSeconds(kiosk.Value.IdleSeconds);
        await HttpContext.SignInWithSessionAsync(session, expiresSooner: idleEnd, persistent: true);
        return RedirectToPage("/Famille");
    }

    private PageResult Refused()
    {
        // Neither the card number nor the PIN is kept on the page for the next person.
        CardUid = null;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, WrongCard);
        return Page();
    }
}
