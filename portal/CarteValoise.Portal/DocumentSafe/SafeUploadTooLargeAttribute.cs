using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CarteValoise.Portal.DocumentSafe;

/// <summary>
/// A document too large is answered with the documents page and a French message, before anything
/// reads the form (the anti-forgery check would, and fail with a bare error page): the browser says
/// how large its request is before sending it. What it sends is read and dropped up to a bound first,
/// because a browser still sending its file may not read an early answer. Below that size, the
/// request may be no larger than it said.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SafeUploadTooLargeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string Flag = "trop-volumineux";

    // Before the request size limit (900) and the anti-forgery check (1000), which reads the form.
    public int Order => -2000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method)) return;
        var limit = http.RequestServices.GetRequiredService<SafeUploadLimit>();
        var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (request.ContentLength is not { } length || length <= limit.MaxRequestBytes)
        {
            if (bodyLimit is { IsReadOnly: false }) bodyLimit.MaxRequestBodySize = limit.MaxRequestBytes;
            return;
        }
        // Beyond this, the connection is simply closed: nobody sends a document of that size by mistake.
        var drainedAtMost = 4 * limit.MaxRequestBytes;
        if (length <= drainedAtMost && bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = drainedAtMost;
            await request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }
        context.Result = new RedirectToPageResult("/Documents/Index", new { erreur = Flag }) { Fragment = "ajouter" };
    }
}
