using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;

namespace CafeIA.Grains.Sessions;

/// <summary>Drafts never started: the retention grain learns each new session, and deletes those abandoned.</summary>
public sealed partial class SessionGrain
{
    public async Task<DraftCheck> PurgeIfAbandoned(DateTimeOffset now)
    {
        if (!Exists || _session.AbandonedDraftAfter() is not { } after)
        {
            return new DraftCheck(false, null);
        }
        if (after > now)
        {
            return new DraftCheck(false, after);
        }
        await Erase();
        return new DraftCheck(true, null);
    }

    /// <summary>
    /// The session is created whatever happens here: a draft the retention grain never learnt is
    /// only kept longer (until deleted by its facilitator), which is no reason to refuse the creation.
    /// </summary>
    private async Task TrackDraft()
    {
        try
        {
            await grains.GetGrain<IRetentionGrain>(0).SessionCreated(this.GetPrimaryKey(), _state.CreatedAt);
        }
        catch (Exception ex)
        {
            LogDraftNotTracked(log, ex, this.GetPrimaryKey());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} was created but the retention grain did not learn it: as a draft it will not be purged.")]
    private static partial void LogDraftNotTracked(ILogger logger, Exception exception, Guid sessionId);
}
