using System.Text.Encodings.Web;
using System.Text.Unicode;
using CarteValoise.Web.Cloud;
using Microsoft.Extensions.WebEncoders;

namespace CarteValoise.Web.Hosting;

/// <summary>
/// What the portal and the kiosk share around their pages: French text written as it is, cloud
/// errors and refused forms turned into French pages, the security headers, and one request
/// pipeline. The kiosk compiles this file.
/// </summary>
public static class FrenchPages
{
    public static IMvcBuilder AddFrenchPages(this IServiceCollection services, Action<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions> conventions)
    {
        // Accented letters are written as they are, not as &#xE9; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services.AddRazorPages(conventions).AddMvcOptions(mvc =>
        {
            mvc.Filters.Add<CloudErrorFilter>();
            mvc.Filters.Add<RejectedForms>();
        });
    }

    public static void UseFrenchPages(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Erreur/500");
        app.UseStatusCodePagesWithReExecute("/Erreur/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
    }
}
