using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CarteValoise.EndToEnd.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback (SmtpServer) that keeps every message the cloud sends (MailKit),
/// so that a test reads the mail a citizen would receive and follows its link. Waiting for a mail is
/// a signal (a message arriving), never a sleep.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<MimeMessage> received = [];
    private readonly List<(Func<MimeMessage, bool> Match, TaskCompletionSource<MimeMessage> Arrived)> waiting = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private MailSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>Starts the sink on a free loopback port.</summary>
    public static MailSink Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new MailSink(port);
    }

    /// <summary>The settings that point a cloud's mail at this sink.</summary>
    public IReadOnlyDictionary<string, string> CloudSettings() => new Dictionary<string, string>
    {
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            lock (received) return [.. received];
        }
    }

    /// <summary>Every message received so far to that address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// The first message to that address (received already or still to come) that matches; fails
    /// the test, listing what did arrive, if none comes within 30 s.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int skip = 0)
    {
        bool Matches(MimeMessage m) =>
            m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true);
        TaskCompletionSource<MimeMessage> arrived;
        lock (received)
        {
            var already = received.Where(Matches).Skip(skip).FirstOrDefault();
            if (already is not null) return already;
            arrived = new TaskCompletionSource<MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            var seen = received.Count(Matches);
            var toSkip = skip - seen;
            waiting.Add((m => Matches(m) && Interlocked.Decrement(ref toSkip) < 0, arrived));
        }
        try
        {
            return await arrived.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            var got = string.Join("; ", Received.Select(m => $"to {m.To} «{m.Subject}»"));
            throw new Xunit.Sdk.XunitException($"No mail to {address} matched within {Patience.TotalSeconds:0} s. Received: {(got.Length == 0 ? "nothing" : got)}.");
        }
    }

    /// <summary>The first link of a mail's text that starts with <paramref name="prefix"/> (a portal page).</summary>
    public static Uri LinkIn(MimeMessage message, string prefix)
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        var link = text.Split([' ', '\n', '\r', '\t', '<', '>', '"'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(word => word.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(link is not null, $"The mail «{message.Subject}» has no link starting with {prefix}:\n{text}");
        return new Uri(link!);
    }

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

    private void Keep(MimeMessage message)
    {
        List<TaskCompletionSource<MimeMessage>> wake = [];
        lock (received)
        {
            received.Add(message);
            foreach (var wait in waiting.ToList())
            {
                if (!wait.Match(message)) continue;
                waiting.Remove(wait);
                wake.Add(wait.Arrived);
            }
        }
        foreach (var arrived in wake) arrived.TrySetResult(message);
    }

    private sealed class Store(MailSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            sink.Keep(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
