using System.Net;
using System.Net.Sockets;

namespace CarteValoise.Benchmarks.Processes;

/// <summary>A loopback TCP port nobody listens on right now, for a child that must be told its port.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
