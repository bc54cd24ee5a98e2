using System.Net;
using System.Net.Sockets;

namespace CarteValoise.EndToEnd.Tests.Failover;

/// <summary>
/// A second address for the one cloud: a loopback port whose connections are relayed to it, byte
/// for byte. To a client it is one more silo; <see cref="Kill"/> makes it one that goes away at once
/// (listener closed, every connection reset), as a silo killed with SIGKILL does, while the cloud
/// behind it serves on through its own address. <see cref="DieAtNextCall"/> kills it the moment
/// a call's HTTP/2 HEADERS frame comes in, before relaying it: a call caught by the death of its
/// silo, which never reached the cloud.
/// </summary>
public sealed class DyingSilo : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint cloud;
    private readonly List<Socket> sockets = [];
    private readonly CancellationTokenSource killed = new();
    private readonly Task accepting;
    private long bytesFromCloud;
    private volatile bool dieAtNextCall;
    private volatile bool diedUnderACall;

    private DyingSilo(Uri cloudAddress)
    {
        cloud = new IPEndPoint(IPAddress.Parse(cloudAddress.Host), cloudAddress.Port);
        listener.Start();
        Address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        accepting = AcceptAsync();
    }

    public string Address { get; }

    /// <summary>What the cloud has answered through this address so far.</summary>
    public long BytesFromCloud => Interlocked.Read(ref bytesFromCloud);

    /// <summary>Whether it was killed by a call coming in (see <see cref="DieAtNextCall"/>).</summary>
    public bool DiedUnderACall => diedUnderACall;

    public static DyingSilo Relaying(Uri cloudAddress) => new(cloudAddress);

    public void DieAtNextCall() => dieAtNextCall = true;

    public void Kill()
    {
        killed.Cancel();
        listener.Stop();
        lock (sockets)
        {
            foreach (var socket in sockets)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0); // a reset, not a polite close
                }
                catch (ObjectDisposedException)
                {
                    // Its relay ended meanwhile.
                }
                socket.Dispose();
            }
            sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!killed.IsCancellationRequested) Kill();
        await accepting;
        killed.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!killed.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(killed.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        lock (sockets)
        {
            if (killed.IsCancellationRequested)
            {
                client.Dispose();
                server.Dispose();
                return;
            }
            sockets.Add(client);
            sockets.Add(server);
        }
        try
        {
            await server.ConnectAsync(cloud, killed.Token);
            await Task.WhenAny(PumpAsync(client, server, new Http2Frames()), PumpAsync(server, client, frames: null));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (sockets)
            {
                sockets.Remove(client);
                sockets.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    /// <param name="frames">On the way to the cloud, the frames read so far; null on the way back (counted instead).</param>
    private async Task PumpAsync(Socket from, Socket to, Http2Frames? frames)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, killed.Token);
                if (read == 0) return;
                if (frames is not null && frames.Read(buffer.AsSpan(0, read)) && dieAtNextCall)
                {
                    diedUnderACall = true;
                    Kill();
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, killed.Token);
                if (frames is null) Interlocked.Add(ref bytesFromCloud, read);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}

/// <summary>
/// Follows a client's HTTP/2 byte stream across reads (the 24-byte preface, then frames of a
/// 9-byte header and their payload) to tell when a HEADERS frame — a new call — comes in.
/// </summary>
internal sealed class Http2Frames
{
    private const int PrefaceLength = 24;
    private const byte HeadersType = 0x1;
    private readonly byte[] header = new byte[9];
    private int prefaceLeft = PrefaceLength;
    private int headerRead;
    private int payloadLeft;

    /// <summary>Reads the next bytes; true when they hold the start of a HEADERS frame.</summary>
    public bool Read(ReadOnlySpan<byte> bytes)
    {
        var sawHeaders = false;
        while (bytes.Length > 0)
        {
            if (prefaceLeft > 0)
            {
                var skipped = Math.Min(prefaceLeft, bytes.Length);
                prefaceLeft -= skipped;
                bytes = bytes[skipped..];
            }
            else if (payloadLeft > 0)
            {
                var skipped = Math.Min(payloadLeft, bytes.Length);
                payloadLeft -= skipped;
                bytes = bytes[skipped..];
            }
            else
            {
                header[headerRead++] = bytes[0];
                bytes = bytes[1..];
                if (headerRead < header.Length) continue;
                headerRead = 0;
                payloadLeft = (header[0] << 16) | (header[1] << 8) | header[2];
                sawHeaders |= header[3] == HeadersType;
            }
        }
        return sawHeaders;
    }
}
