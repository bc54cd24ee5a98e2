using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CarteValoise.Cloud.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback (SmtpServer) that keeps each message as received, raw bytes
/// included, and, when given credentials, refuses any other. Waiting for a mail is a signal.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly TaskCompletionSource<(MimeMessage Message, byte[] Raw, string? User)> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpSink(string? user = null, string? password = null)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (user is not null) endpoint.AllowUnsecureAuthentication(true).AuthenticationRequired(true);
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        if (user is not null) services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public async Task<(MimeMessage Message, byte[] Raw, string? User)> FirstAsync() => await first.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            var message = await MimeMessage.LoadAsync(new MemoryStream(raw), cancellationToken);
            sink.first.TrySetResult((message, raw, context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}
