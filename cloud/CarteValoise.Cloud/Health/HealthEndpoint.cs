using Orleans.Runtime;

namespace CarteValoise.Cloud.Health;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /health</c> on the health listener: 200 "OK" while this silo is an active member of its
    /// cluster and the application has started (recovered, seeded, listening); 503 with the silo's
    /// status otherwise — joining, shutting down, or declared dead by the others.
    /// </summary>
    public static void MapCarteHealth(this WebApplication app, HealthListener listener) =>
        app.MapGet("/health", (HttpContext context, ISiloStatusOracle silo, IHostApplicationLifetime lifetime) =>
        {
            if (!listener.Serves(context)) return Results.NotFound();
            var serving = silo.CurrentStatus == SiloStatus.Active
                && lifetime.ApplicationStarted.IsCancellationRequested
                && !lifetime.ApplicationStopping.IsCancellationRequested;
            return serving
                ? Results.Text("OK", "text/plain")
                : Results.Text(silo.CurrentStatus.ToString(), "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
}
