using System.Net;
using System.Net.Sockets;

namespace CafeIA.Integration.Tests.Infrastructure;

internal static class Ports
{
    /// <summary>A TCP port free right now on loopback (for Orleans silo and gateway endpoints).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
