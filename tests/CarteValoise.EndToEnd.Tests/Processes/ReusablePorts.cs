using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>
/// Loopback ports that a killed process's replacement can take again. <see cref="FreePorts"/> gives
/// ports the operating system picks, from the range it also hands to outgoing connections: once the
/// process listening on one dies, any new connection of the machine (a database pool, a box
/// reconnecting) may get it as its own end, and the replacement then fails to bind it. These are
/// taken below that range, where no outgoing connection ever lands, at a random place so that two
/// test runs on one machine rarely try the same ones; each is checked free when handed out.
/// </summary>
public static class ReusablePorts
{
    private const int Lowest = 10_000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly int Highest = EphemeralRangeStart() - 1;

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, Highest + 1);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
            throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest} after 1000 tries.");
        }
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Linux's ip_local_port_range (32768 by default); elsewhere, the IANA dynamic range.</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var low, ..]
            && int.TryParse(low, CultureInfo.InvariantCulture, out var start)
            && start > Lowest + 1_000)
            return start;
        return 49_152;
    }
}
