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
        await app.RunAsync();
        return 0;
    }
}

public sealed class BareHub : Hub
{
    /// <summary>Sends the payload to every connected client, as the gateway sends a change batch.</summary>
    public Task Broadcast(object payload) => Clients.All.SendAsync("changes", payload);
}
