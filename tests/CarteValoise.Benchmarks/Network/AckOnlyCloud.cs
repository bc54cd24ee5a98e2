using System.Net;
using CarteValoise.Contracts.EdgeSync;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Benchmarks.Network;

/// <summary>
/// An EdgeSync server that does no work: Kestrel, HTTP/2 without TLS on loopback like the silo,
/// answering each batch of taps with an ack of its highest sequence number and nothing else (no
/// credentials, no storage, no roster). What the wire alone allows: the network ceiling (b), and
/// the ceiling of a box's own drain (e).
/// </summary>
public sealed class AckOnlyCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AckOnlyCloud(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<AckOnlyCloud> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<AckingEdgeSync>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AckOnlyCloud(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
    }

    private sealed class AckingEdgeSync : EdgeSync.EdgeSyncBase
    {
        public override async Task Sync(IAsyncStreamReader<BoxMessage> requestStream, IServerStreamWriter<CloudMessage> responseStream, ServerCallContext context)
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (message.BodyCase != BoxMessage.BodyOneofCase.Taps || message.Taps.Taps.Count == 0) continue;
                await responseStream.WriteAsync(new CloudMessage { Ack = new Ack { DurableThroughSequence = message.Taps.Taps[^1].Sequence } });
            }
        }
    }
}
