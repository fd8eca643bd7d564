using CafeIA.Wire;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Sessions;

public sealed class RetentionState
{
    public Dictionary<Guid, DateTimeOffset> EndedSessions { get; set; } = [];
}

/// <summary>The ended sessions and when they ended; deletes them once their retention is over.</summary>
public sealed class RetentionGrain(
    [PersistentState("retention", StorageNames.Cafe)] IPersistentState<RetentionState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits) : Grain, IRetentionGrain
{
    public async Task SessionEnded(Guid sessionId, DateTimeOffset endedAt)
    {
        store.State.EndedSessions[sessionId] = endedAt;
        await store.WriteStateAsync();
    }

    public async Task<int> Sweep(DateTimeOffset now)
    {
        var due = store.State.EndedSessions.Where(e => e.Value + limits.Value.EndedSessionRetention <= now).Select(e => e.Key).ToList();
        foreach (var sessionId in due)
        {
            await grains.GetGrain<ISessionGrain>(sessionId).Purge();
            store.State.EndedSessions.Remove(sessionId);
        }
        if (due.Count > 0)
        {
            await store.WriteStateAsync();
        }
        return due.Count;
    }
}
