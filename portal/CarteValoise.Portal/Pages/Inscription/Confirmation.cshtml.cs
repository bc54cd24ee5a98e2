using CarteValoise.Contracts.Accounts;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Inscription;

/// <summary>The link of the confirmation mail: the cloud confirms the address once, before the link expires.</summary>
public sealed class ConfirmationModel(Accounts.AccountsClient accounts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    /// <summary>The address now confirmed.</summary>
    public string? Confirmed { get; private set; }

    /// <summary>The cloud's refusal (a link used already, expired, or unknown).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            Refusal = "Ce lien de confirmation est incomplet : ouvrez le lien du courriel tel qu'il a été envoyé.";
            return Page();
        }
        try
        {
            var reply = await accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = Token.Trim() }, cancellationToken: HttpContext.RequestAborted);
            Confirmed = reply.Email;
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.InvalidArgument or GrpcStatus.NotFound)
        {
            Refusal = refusal.Status.Detail;
        }
        return Page();
    }
}
