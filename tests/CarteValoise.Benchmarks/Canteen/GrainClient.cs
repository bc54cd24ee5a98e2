using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// An Orleans client of the cloud's silo, through its gateway: the benchmark seeds the commune with
/// the grains' own calls, as the silo's services and the boxes' device grains make them.
/// </summary>
public sealed class GrainClient : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainClient(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<GrainClient> ConnectAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort)
            // A month's close and a large commune's enrolment are long calls: the default 30 s is for a page.
            .Configure<Orleans.Configuration.ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(10)));
        var host = builder.Build();
        await host.StartAsync();
        return new GrainClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
