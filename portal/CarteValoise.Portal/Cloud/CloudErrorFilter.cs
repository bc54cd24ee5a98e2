using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CarteValoise.Web.Cloud;

/// <summary>
/// Turns the cloud's refusals into what a citizen understands: an expired or revoked session
/// signs out and goes back to sign-in; a refusal is the «Accès refusé» page; an unreachable cloud
/// is the «momentanément indisponible» page. The status pages are rendered by /Erreur/{code}.
/// </summary>
public sealed class CloudErrorFilter(ILogger<CloudErrorFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not RpcException refusal)
        {
            return;
        }

        logger.LogInformation("The cloud answered {Status} to {Path}: {Detail}",
            refusal.StatusCode, context.HttpContext.Request.Path, refusal.Status.Detail);
        IActionResult? result = refusal.StatusCode switch
        {
            StatusCode.Unauthenticated => await SignOutAndChallenge(context.HttpContext),
            StatusCode.PermissionDenied => new StatusCodeResult(StatusCodes.Status403Forbidden),
            StatusCode.NotFound => new StatusCodeResult(StatusCodes.Status404NotFound),
            StatusCode.InvalidArgument => new StatusCodeResult(StatusCodes.Status400BadRequest),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => Unavailable(context.HttpContext),
            _ => null,
        };
        if (result is not null)
        {
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    private static async Task<IActionResult> SignOutAndChallenge(HttpContext http)
    {
        await http.SignOutAsync(SessionClaims.Scheme);
        return new ChallengeResult(SessionClaims.Scheme);
    }

    private static StatusCodeResult Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "10";
        return new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
    }
}
