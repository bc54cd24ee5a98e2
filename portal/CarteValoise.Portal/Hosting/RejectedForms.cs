using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace CarteValoise.Web.Hosting;

/// <summary>
/// A form posted without its anti-forgery token, or with one that no longer holds (a page left
/// open past a sign-out, a forged form), is refused before its page runs: nothing is changed.
/// ASP.NET Core answers such a post with a bare 400; this marks the request so that the status
/// page re-executed for it (/Erreur/400) tells the citizen to reload the page and start again.
/// </summary>
public sealed class RejectedForms : IAlwaysRunResultFilter
{
    private static readonly object Key = new();

    /// <summary>Whether this request is a form refused for its anti-forgery token.</summary>
    public static bool IsRejected(HttpContext http) => http.Items.ContainsKey(Key);

    public void OnResultExecuting(ResultExecutingContext context)
    {
        // An always-run result filter sees the result of the anti-forgery check, which short-circuits the page.
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[Key] = true;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
