using CafeIA.Gateway.Security;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// What the gateway keeps for one hub connection: its client's address and call budget (set on
/// connecting, <see cref="Security.AbuseFilter"/>) and who it acts as (set by JoinSession). Held as one
/// feature of the connection rather than in <see cref="HubCallerContext.Items"/>, which would
/// build a concurrent dictionary per connection (about half a kilobyte each, measured with
/// dotnet-gcdump at 12,000 connections).
/// </summary>
public sealed class ConnectionState
{
    public string? Address { get; set; }

    public TokenBucket? Calls { get; set; }

    /// <summary>1 while this connection counts against its address as not joined (released once, by joining or closing).</summary>
    internal int Unjoined;

    /// <summary>This connection's reaction budget, made at its first reaction (most connections never react).</summary>
    public TokenBucket? Reactions { get; set; }

    public ConnectionBinding? Binding { get; set; }

    /// <summary>This connection's state, if anything was kept for it.</summary>
    public static ConnectionState? Of(HubCallerContext context) => context.Features.Get<ConnectionState>();

    /// <summary>This connection's state, made on first use (a connection's calls run one at a time).</summary>
    public static ConnectionState For(HubCallerContext context)
    {
        if (Of(context) is { } state)
        {
            return state;
        }
        state = new ConnectionState();
        context.Features.Set(state);
        return state;
    }
}
