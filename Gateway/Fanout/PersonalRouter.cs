using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Personal events (a participant's own state, their pending question, a revoked link) go to the
/// connections that participant holds on this gateway, found in <see cref="ConnectionRegistry"/>:
/// no SignalR group per participant. A participant whose link was revoked has their connections
/// closed once told, so the role is gone at once.
/// </summary>
internal sealed class PersonalRouter(Guid sessionId, ConnectionRegistry connections, IScreenSender screens)
{
    /// <summary>Each concerned participant's events, to their connections here.</summary>
    public async Task Send(SessionChanges changes, CancellationToken cancellationToken)
    {
        foreach (var (participantId, batch) in changes.Personal())
        {
            try
            {
                if (connections.ConnectionIdsOf(sessionId, participantId) is { Count: > 0 } ids)
                {
                    await screens.Connections(ids).Personal(batch, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // Out of patience with this participant's screens: the others still get theirs.
            }
            finally
            {
                if (batch.Events.OfType<RoleRevoked>().Any())
                {
                    connections.Abort(sessionId, participantId);
                }
            }
        }
    }

    /// <summary>One participant's events of <paramref name="changes"/>, to one connection (a joiner's catch-up).</summary>
    public async Task SendTo(string connectionId, string participantId, SessionChanges changes, CancellationToken cancellationToken)
    {
        foreach (var (_, batch) in changes.Personal().Where(p => p.ParticipantId == participantId))
        {
            await screens.Connections([connectionId]).Personal(batch, cancellationToken);
        }
    }
}
