using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Tests.Support;

/// <summary>
/// A gRPC service on 127.0.0.1, on a port the system picks, over HTTP/2 without TLS as the cloud
/// serves boxes: the test clouds' one way to start and stop.
/// </summary>
public sealed class LoopbackGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackGrpcServer(WebApplication app, string address) => (_app, Address) = (app, address);

    public string Address { get; }

    /// <param name="state">The test cloud the service reads and writes, handed to it by dependency injection.</param>
    public static async Task<LoopbackGrpcServer> StartAsync<TService, TState>(TState state, int? maxReceiveMessageSize = null)
        where TService : class where TState : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => { if (maxReceiveMessageSize is { } size) o.MaxReceiveMessageSize = size; });
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();
        return new LoopbackGrpcServer(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
