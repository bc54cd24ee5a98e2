using CarteValoise.Portal.MyAccount;
using CarteValoise.Portal.Demarches;
using CarteValoise.Portal.DocumentSafe;
using CarteValoise.Portal.Household;
using CarteValoise.Portal.OnlinePayment;
using CarteValoise.Portal.Privacy;
using CarteValoise.Web.Cloud;
using CarteValoise.Web.Hosting;
using CarteValoise.Web.Sessions;

// The citizen portal and the agents' /Admin area: Razor Pages over the cloud's gRPC services.
var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot from the build output's manifest whatever the environment and working directory
// (tests start the built app directly); a published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCloudClients(builder.Configuration);
builder.Services.AddSingleton<CarteValoise.Portal.Imports.FamilyImports>();
builder.Services.AddSessionCookie("CarteValoise.Portail", cookie =>
{
    cookie.LoginPath = "/Connexion";
    cookie.LogoutPath = "/Deconnexion";
    // The cookie ends with the cloud's token (set at sign-in), never renewed past it.
    cookie.SlidingExpiration = false;
});
// The citizen's space, an area each (pages, conventions for anonymous pages, endpoints).
builder.Services.AddAccountPages(builder.Configuration);
builder.Services.AddDocumentSafePages(builder.Configuration);
builder.Services.AddHouseholdPages(builder.Configuration);
builder.Services.AddPaymentPages(builder.Configuration);
builder.Services.AddPrivacyPages(builder.Configuration);
builder.Services.AddDemarchePages(builder.Configuration);
builder.Services.AddDeskPages(builder.Configuration);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(SessionRoles.Agent, policy => policy.RequireRole(SessionRoles.Agent));
builder.Services.AddFrenchPages(pages =>
    {
        pages.Conventions.AuthorizeFolder("/");
        pages.Conventions.AuthorizeFolder("/Admin", SessionRoles.Agent);
        pages.Conventions.AllowAnonymousToPage("/Connexion");
        pages.Conventions.AllowAnonymousToPage("/Deconnexion");
        pages.Conventions.AllowAnonymousToPage("/Erreur");
    });

var app = builder.Build();

app.UseFrenchPages();
app.MapAccountPages();
app.MapDocumentSafePages();
app.MapHouseholdPages();
app.MapPaymentPages();
app.MapPrivacyPages();
app.MapDemarchePages();
app.MapDeskPages();

app.Run();
