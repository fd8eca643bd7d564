using System.Net;
using System.Net.Sockets;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// Ports for child processes (silos, gateways) to bind later. A port the kernel picks (bind to 0)
/// is in the ephemeral range, where every outgoing connection of the tests (thousands of SignalR
/// clients) also takes its local port: between handing it out and the child binding it, a client
/// may take it ("address already in use", seen under load). These come from below the Linux
/// ephemeral range (32768–60999), each handed out once per test process, checked free when given.
/// </summary>
internal static class Ports
{
    private const int First = 20000, Last = 32000;
    private static readonly Lock Gate = new();
    private static int _next = First + Random.Shared.Next(Last - First);

    /// <summary>A TCP port free right now on loopback, never handed out before by this process.</summary>
    public static int Free()
    {
        lock (Gate)
        {
            for (var tries = 0; tries < Last - First; tries++)
            {
                var port = _next;
                _next = _next + 1 >= Last ? First : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
