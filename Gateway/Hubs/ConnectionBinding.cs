using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// Who a connection acts as, set once by JoinSession and kept for the connection's life. A
/// facilitator's key stays in this gateway's memory only (moderator links are derived from it).
/// The mode is the participant's for good (a resumed participant keeps it): reactions are counted in it.
/// </summary>
public sealed record ConnectionBinding(Guid SessionId, string ParticipantId, Role Role, string? FacilitatorKey = null,
    ParticipantMode Mode = ParticipantMode.Remote)
{
    public bool IsStaff => Role is Role.Facilitator or Role.Moderator;

    /// <summary>The session's grain, looked up once at the join (every later call goes to it).</summary>
    public Grains.Abstractions.ISessionGrain? Session { get; init; }

    /// <summary>The role group whose change batches this connection receives.</summary>
    public Audience Group => Role switch
    {
        Role.Facilitator or Role.Moderator => Audience.Staff,
        Role.Projector => Audience.Projector,
        _ => Audience.Participants,
    };

    public static ConnectionBinding? Of(HubCallerContext context) => ConnectionState.Of(context)?.Binding;

    public static void Bind(HubCallerContext context, ConnectionBinding binding) => ConnectionState.For(context).Binding = binding;

    public static void Unbind(HubCallerContext context) => ConnectionState.For(context).Binding = null;
}
