using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Sessions;

public sealed class RetentionState
{
    public Dictionary<Guid, DateTimeOffset> EndedSessions { get; set; } = [];

    /// <summary>Sessions not known to have started, and when to look at them again (first: their creation + DraftRetention).</summary>
    public Dictionary<Guid, DateTimeOffset> Drafts { get; set; } = [];
}

/// <summary>
/// The ended sessions and when they ended, and the drafts; deletes ended sessions once their
/// retention is over, and drafts the session itself finds abandoned (never started, see
/// Session.AbandonedDraftAfter).
/// </summary>
public sealed class RetentionGrain(
    [PersistentState("retention", StorageNames.Cafe)] IPersistentState<RetentionState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits) : Grain, IRetentionGrain
{
    public async Task SessionEnded(Guid sessionId, DateTimeOffset endedAt)
    {
        store.State.EndedSessions[sessionId] = endedAt;
        store.State.Drafts.Remove(sessionId);
        await store.WriteStateAsync();
    }

    public async Task SessionCreated(Guid sessionId, DateTimeOffset createdAt)
    {
        store.State.Drafts[sessionId] = createdAt + limits.Value.DraftRetention;
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
        var purged = due.Count;
        var drafts = store.State.Drafts.Where(d => d.Value <= now).Select(d => d.Key).ToList();
        foreach (var sessionId in drafts)
        {
            // The session decides: it may have started, or be listed for a later date.
            var check = await grains.GetGrain<ISessionGrain>(sessionId).PurgeIfAbandoned(now);
            if (check.LookAgainAt is { } lookAgain)
            {
                store.State.Drafts[sessionId] = lookAgain;
            }
            else
            {
                store.State.Drafts.Remove(sessionId);
            }
            purged += check.Purged ? 1 : 0;
        }
        if (due.Count > 0 || drafts.Count > 0)
        {
            await store.WriteStateAsync();
        }
        return purged;
    }
}
