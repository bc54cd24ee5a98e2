using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CarteValoise.Cloud.Health;

/// <summary>
/// The silo's second listener, <c>Health:Port</c>: plain HTTP/1.1 for load balancers (<c>/health</c>)
/// and browsers (<c>/dashboard</c>), on the host of the gRPC address. The gRPC listener stays HTTP/2
/// only, which is what lets clients speak it without TLS (prior knowledge) — so they cannot share one.
/// </summary>
public sealed record HealthListener(int Port)
{
    public static HealthListener? From(IConfiguration configuration) =>
        configuration.GetValue<int?>("Health:Port") is { } port ? new HealthListener(port) : null;

    /// <summary>
    /// Listens on the configured gRPC addresses (<c>urls</c>, i.e. ASPNETCORE_URLS) and on this port,
    /// so that configuring this port takes nothing away from the gRPC endpoint.
    /// </summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        var grpc = GrpcUrls(builder.Configuration);
        var host = BindingAddress.Parse(grpc[0]).Host;
        builder.WebHost.UseUrls([.. grpc, $"http://{host}:{Port}"]);
    }

    public bool Listens(ListenOptions endpoint) => endpoint.IPEndPoint?.Port == Port;

    /// <summary>Whether a request came in through this listener rather than the gRPC one.</summary>
    public bool Serves(HttpContext context) => context.Connection.LocalPort == Port;

    public bool IsOwnUrl(string url) => BindingAddress.Parse(url).Port == Port;

    private static string[] GrpcUrls(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls)) return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = configuration["http_ports"];
        if (!string.IsNullOrWhiteSpace(ports))
            return [.. ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"http://*:{port}")];
        // Kestrel's own default when nothing is configured.
        return ["http://localhost:5000"];
    }
}
