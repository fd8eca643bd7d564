using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// The live connections of this gateway by session participant: where a participant's personal
/// events go, and what a change that concerns one participant (a revoked moderator link) closes.
/// Most participants have one connection, so each holds a small array (no SignalR group and no
/// dictionary per participant: at 12,000 connections these cost about 0.8 KB each, measured).
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid, string), HubCallerContext[]> _byParticipant = [];

    public void Add(Guid sessionId, string participantId, HubCallerContext context)
    {
        lock (_gate)
        {
            _byParticipant[(sessionId, participantId)] = _byParticipant.TryGetValue((sessionId, participantId), out var connections)
                ? [.. connections.Where(c => c.ConnectionId != context.ConnectionId), context]
                : [context];
        }
    }

    public void Remove(Guid sessionId, string participantId, string connectionId)
    {
        lock (_gate)
        {
            if (!_byParticipant.TryGetValue((sessionId, participantId), out var connections))
            {
                return;
            }
            HubCallerContext[] rest = [.. connections.Where(c => c.ConnectionId != connectionId)];
            if (rest.Length == 0)
            {
                _byParticipant.Remove((sessionId, participantId));
            }
            else
            {
                _byParticipant[(sessionId, participantId)] = rest;
            }
        }
    }

    /// <summary>The ids of this participant's connections on this gateway (none if it has none here).</summary>
    public IReadOnlyList<string> ConnectionIdsOf(Guid sessionId, string participantId) =>
        [.. Of(sessionId, participantId).Select(c => c.ConnectionId)];

    /// <summary>Closes every connection of this participant on this gateway.</summary>
    public void Abort(Guid sessionId, string participantId)
    {
        foreach (var connection in Of(sessionId, participantId))
        {
            connection.Abort();
        }
    }

    private HubCallerContext[] Of(Guid sessionId, string participantId)
    {
        lock (_gate)
        {
            // The arrays are never changed once stored (Add and Remove store new ones).
            return _byParticipant.TryGetValue((sessionId, participantId), out var found) ? found : [];
        }
    }
}
