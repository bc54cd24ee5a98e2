namespace CarteValoise.Web.Hosting;

/// <summary>
/// The headers every answer of the portal and the kiosk carries. The pages hold no script at all and
/// no inline style (every look is in /site.css), so the Content-Security-Policy allows only files of
/// the site itself; no other site may show them in a frame. The policy leaves form-action open on
/// purpose: browsers apply it to the redirect that follows a form, and paying online posts a form
/// whose answer sends the citizen on to PayFiP's own site.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.OnStarting(() =>
        {
            // Pages only: a browser's PDF viewer may not run under a page's policy.
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                response.Headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
