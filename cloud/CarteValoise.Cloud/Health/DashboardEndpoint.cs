using Orleans.Dashboard;

namespace CarteValoise.Cloud.Health;

public static class DashboardEndpoint
{
    public const string Path = "/dashboard";

    /// <summary>The dashboard's services: its telemetry and call profiling run in the silo.</summary>
    public static ISiloBuilder AddCarteDashboard(this ISiloBuilder silo)
    {
        silo.AddDashboard();
        silo.Services.AddSingleton<DashboardAccess>();
        return silo;
    }

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c>, on the health listener only, for administrators
    /// only (HTTP Basic against the accounts). It shows every grain's state: on the gRPC listener it
    /// does not exist, and without an administrator's credentials it answers 401 and nothing else.
    /// </summary>
    public static void MapCarteDashboard(this WebApplication app, HealthListener listener)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), dashboard => dashboard.Use(async (context, next) =>
        {
            if (!listener.Serves(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (!await context.RequestServices.GetRequiredService<DashboardAccess>().AllowsAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain; charset=utf-8";
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"CarteValoise - tableau de bord Orleans\", charset=\"UTF-8\"";
                await context.Response.WriteAsync("Identifiants d'un compte administrateur requis. / Administrator credentials required.");
                return;
            }
            await next(context);
        }));
        app.MapOrleansDashboard(routePrefix: Path);
    }
}
