using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>Deleting a session: by its facilitator, or by retention once it has ended.</summary>
public sealed partial class SessionGrain
{
    public async Task<Outcome<Done>> Delete(string participantId)
    {
        if (!Exists)
        {
            return Outcome<Done>.Refuse(new Refusal(RefusalCodes.NotFound, "There is no such session."));
        }
        var allowed = _session.Delete(participantId);
        if (!allowed.IsRefused)
        {
            await Erase();
        }
        return allowed;
    }

    public async Task Purge()
    {
        if (Exists && _state.Phase == SessionPhase.Ended)
        {
            await Erase();
        }
    }

    /// <summary>Removes every trace: the stored state, the join code; screens learn it and stop.</summary>
    private async Task Erase()
    {
        _erasing = true;
        try
        {
            await _commits.Durable();
        }
        catch (Exception)
        {
            // A failed write deactivates the grain anyway; erasing goes on.
        }
        var (id, code, seq, listed) = (this.GetPrimaryKey(), _state.JoinCode, _state.Seq, _state.Listing is not null);
        await store.Delete(id);
        if (listed)
        {
            await grains.GetGrain<ICafeListingGrain>(id).Unpublish();
        }
        await grains.GetGrain<IJoinCodeGrain>(code).Release(id);
        var deleted = new SessionChanges(seq + 1, [new Delivery(new SessionDeleted(), Audience.Everyone)], clock.GetUtcNow());
        _subscribers.Publish(o => o.OnChanges(id, deleted), log, id);
        (_state, _version) = (new SessionState(), 0);
        _session = new Session(_state, limits.Value, clock);
        _erasing = false;
        DeactivateOnIdle();
    }
}
