using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// The live connections of this gateway by session participant, so a change that concerns one
/// participant's connections (a revoked moderator link) can act on them at once.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid, string), Dictionary<string, HubCallerContext>> _byParticipant = [];

    public void Add(Guid sessionId, string participantId, HubCallerContext context)
    {
        lock (_gate)
        {
            if (!_byParticipant.TryGetValue((sessionId, participantId), out var connections))
            {
                _byParticipant[(sessionId, participantId)] = connections = [];
            }
            connections[context.ConnectionId] = context;
        }
    }

    public void Remove(Guid sessionId, string participantId, string connectionId)
    {
        lock (_gate)
        {
            if (_byParticipant.TryGetValue((sessionId, participantId), out var connections)
                && connections.Remove(connectionId) && connections.Count == 0)
            {
                _byParticipant.Remove((sessionId, participantId));
            }
        }
    }

    /// <summary>Closes every connection of this participant on this gateway.</summary>
    public void Abort(Guid sessionId, string participantId)
    {
        HubCallerContext[] connections;
        lock (_gate)
        {
            connections = _byParticipant.TryGetValue((sessionId, participantId), out var found) ? [.. found.Values] : [];
        }
        foreach (var connection in connections)
        {
            connection.Abort();
        }
    }
}
