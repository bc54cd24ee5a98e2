using CarteValoise.Contracts.Demarches;
using CarteValoise.Kiosk;
using CarteValoise.Web.Cloud;
using CarteValoise.Web.Hosting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

// The public kiosk: a family card and its PIN open a short view of the family, where it may also file a démarche.
var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot from the build output's manifest whatever the environment and working directory
// (tests start the built app directly); a published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<KioskOptions>()
    .Bind(builder.Configuration.GetSection("Kiosk"))
    .Validate(kiosk => kiosk.IdleSeconds > 0 && !string.IsNullOrWhiteSpace(kiosk.Id),
        "Kiosk:Id must be set and Kiosk:IdleSeconds must be positive.")
    .ValidateOnStart();
builder.Services.AddCloudClients(builder.Configuration);
builder.Services.AddCloudClient<Demarches.DemarchesClient>(builder.Configuration, Demarches.Descriptor);
builder.Services.AddSessionCookie("CarteValoise.Borne");
// The idle time comes from options, known only once the container is built.
builder.Services.AddOptions<CookieAuthenticationOptions>(SessionClaims.Scheme)
    .Configure<IOptions<KioskOptions>>((cookie, kiosk) =>
    {
        cookie.LoginPath = "/";
        cookie.LogoutPath = "/Fin";
        // Each page asked for pushes the end of the session IdleSeconds further, within the token's life.
        cookie.ExpireTimeSpan = TimeSpan.FromSeconds(kiosk.Value.IdleSeconds);
        cookie.SlidingExpiration = true;
        var rejectExpiredToken = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            await rejectExpiredToken(context);
            if (context.Principal is not null)
            {
                context.ShouldRenew = true;
            }
        };
    });
builder.Services.AddFrenchPages(pages =>
    {
        pages.Conventions.AuthorizePage("/Famille");
        pages.Conventions.AuthorizeFolder("/Demarches");
    });

var app = builder.Build();

app.UseFrenchPages();

app.Run();
