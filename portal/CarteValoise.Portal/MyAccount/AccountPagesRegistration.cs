using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// What this area adds to the portal: the citizen's account pages (registration, password reset,
/// the second sign-in step, «Mon compte»), open without a session where they must be, and
/// FranceConnect when <c>FranceConnect:Authority</c> is set.
/// </summary>
public static class AccountPagesRegistration
{
    public static IServiceCollection AddAccountPages(this IServiceCollection services, IConfiguration configuration)
    {
        // PostConfigure: Razor Pages' own setup gives RazorPagesOptions a new convention collection
        // when AddRazorPages runs, after this, which would drop conventions configured before it.
        services.PostConfigure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AllowAnonymousToFolder("/Inscription");
            pages.Conventions.AllowAnonymousToFolder("/MotDePasse");
            pages.Conventions.AllowAnonymousToPage(SecondFactorChallenges.StepPath);
        });
        services.AddSingleton<SecondFactorChallenges>();
        services.AddSingleton<TotpEnrolments>();
        services.AddScoped<PortalSignOut>();

        var franceConnect = PortalFranceConnect.From(configuration);
        services.AddSingleton(franceConnect);
        if (franceConnect.IsConfigured) services.AddAuthentication().AddFranceConnect(franceConnect);
        return services;
    }

    public static WebApplication MapAccountPages(this WebApplication app) => app;
}
