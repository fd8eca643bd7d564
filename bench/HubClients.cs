using System.Diagnostics;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>SignalR clients as the benchmarks open them: WebSockets only, no negotiation round trip.</summary>
public static class HubClients
{
    public static HubConnection Build(Uri hub) =>
        new HubConnectionBuilder()
            .WithUrl(hub, o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
            .Build();

    /// <summary>Opens one connection and joins the session with these options (a key for a staff role).</summary>
    public static async Task<HubConnection> Join(Uri hub, string joinCode, object options)
    {
        var client = Build(hub);
        client.On<JsonElement>(ScreenEvents.Changes, _ => { });
        await client.StartAsync();
        await client.Call("JoinSession", joinCode, options);
        return client;
    }

    /// <summary>
    /// Connects and joins `count` clients, 100 at a time (each batch starts when the previous one
    /// is done). Client i connects to hubFor(i). Latency: from starting the connection to the end
    /// of the join call, in ms; NaN when either failed (the client is returned all the same).
    /// </summary>
    private static readonly TimeSpan JoinPatience = TimeSpan.FromSeconds(60);

    public static async Task<(List<HubConnection> Clients, double[] Latencies)> JoinMany(int count, Func<int, Uri> hubFor, Func<HubConnection, int, Task> join)
    {
        var clients = new List<HubConnection>(count);
        var latencies = new double[count];
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            clients.AddRange(await Task.WhenAll(chunk.Select(async i =>
            {
                var started = Stopwatch.GetTimestamp();
                var client = Build(hubFor(i));
                client.On<JsonElement>(ScreenEvents.Changes, _ => { });
                try
                {
                    // A join that never answers is a failed join, not a hung run.
                    await client.StartAsync().WaitAsync(JoinPatience);
                    await join(client, i).WaitAsync(JoinPatience);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
                catch (Exception)
                {
                    latencies[i] = double.NaN;
                }
                return client;
            })));
        }
        return (clients, latencies);
    }

    public static Task DisposeAll(IEnumerable<HubConnection> clients) => Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
}
