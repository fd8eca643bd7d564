using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>How long a session that never started is kept (Limits:DraftRetention).</summary>
public sealed partial class Session
{
    /// <summary>
    /// When this session, never started, may be deleted: <see cref="SessionLimits.DraftRetention"/>
    /// after it was created, or after the date it is listed for on the map when that is later (a
    /// café prepared months ahead is kept). Null once it has started: ended sessions have their own retention.
    /// </summary>
    public DateTimeOffset? AbandonedDraftAfter()
    {
        if (!state.Exists || state.Phase != SessionPhase.Draft)
        {
            return null;
        }
        var from = state.Listing?.StartsAt is { } startsAt && startsAt > state.CreatedAt ? startsAt : state.CreatedAt;
        return from + limits.DraftRetention;
    }
}
