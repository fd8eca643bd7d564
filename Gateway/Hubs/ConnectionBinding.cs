using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>Who a connection acts as, set once by JoinSession and kept for the connection's life.</summary>
public sealed record ConnectionBinding(Guid SessionId, string ParticipantId, Role Role)
{
    private const string Key = "cafe.binding";

    public static ConnectionBinding? Of(HubCallerContext context) =>
        context.Items.TryGetValue(Key, out var value) ? value as ConnectionBinding : null;

    public static void Bind(HubCallerContext context, ConnectionBinding binding) => context.Items[Key] = binding;
}
