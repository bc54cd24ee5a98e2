using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CarteValoise.Portal.Imports;

/// <summary>
/// A file too large for the import is answered with the import page and a French message, before
/// anything reads the form (the anti-forgery check would, and fail with a bare error page): the
/// browser says how large its request is before sending it. What it sends is read and dropped up
/// to a bound first, because a browser still sending its file may not read an early answer.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadTooLargeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string Flag = "trop-volumineux";

    /// <summary>Beyond this, the connection is simply closed: nobody sends an import of that size by mistake.</summary>
    private const long DrainedAtMost = 4 * FamilyImports.MaxFileBytes;

    // Before the request size limit (900) and the anti-forgery check (1000), which reads the form.
    public int Order => -2000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= FamilyImports.MaxUploadRequestBytes) return;
        if (length <= DrainedAtMost && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DrainedAtMost;
            await request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }
        var commune = request.Query["commune"].ToString();
        context.Result = new RedirectToPageResult("/Admin/Import/Index", new { commune = commune.Length > 0 ? commune : null, erreur = Flag });
    }
}
