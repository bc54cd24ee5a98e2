using System.Net;
using System.Net.Sockets;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>
/// Loopback ports nobody listens on. The operating system picks them (port 0); we remember what we
/// handed out so that two processes of one run never get the same port even before they bind it.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}
