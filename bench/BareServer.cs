using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Bench;

/// <summary>
/// The machine's own limit: a SignalR hub that broadcasts what it is given to every client,
/// with no Orleans, no storage, no per-audience logic. Our figures are ratios to it.
/// </summary>
public static class BareServer
{
    public static async Task<int> Run(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        app.MapGet("/health/ready", () => "ok");
        app.MapGet("/heap", Heap);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// The managed heap as the last collection left it, the figure the gateway publishes on /metrics
    /// (`dotnet_gc_last_collection_heap_size_bytes` summed over generations), and the number of
    /// full (gen2) collections so far, to tell when a collection forced from outside has run, and
    /// the memory the collector had committed (`dotnet_gc_last_collection_memory_committed_size_bytes`).
    /// </summary>
    private static HeapReading Heap()
    {
        var last = GC.GetGCMemoryInfo();
        return new(last.HeapSizeBytes, GC.CollectionCount(2), last.TotalCommittedBytes);
    }

    public static Task<ServerProcess> Start(BenchOptions options, IReadOnlyList<string>? hosts = null) =>
        ServerProcess.StartOn(hosts ?? ["127.0.0.1"], Deployment.Binary(options, "bench", "CafeIA.Bench.dll"), "bare-server");

    public static Uri HubAt(Uri address) => new(address, "/hubs/bare");
}

public sealed class BareHub : Hub
{
    /// <summary>Sends the payload to every connected client, as the gateway sends a change batch.</summary>
    public Task Broadcast(object payload) => Clients.All.SendAsync(ScreenEvents.Changes, payload);

    /// <summary>
    /// The bare counterpart of JoinSession: enters the room's group (as a participant enters its
    /// session's group) and answers a small object. No lookup, no state, no storage.
    /// </summary>
    public async Task<object> Join(string room)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, room);
        return new { connectionId = Context.ConnectionId, room };
    }
}
