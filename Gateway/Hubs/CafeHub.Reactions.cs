using CafeIA.Gateway.Fanout;
using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

/// <summary>Live reactions (docs/PROTOCOL.md, "Live reactions").</summary>
public sealed partial class CafeHub
{
    /// <summary>
    /// One tap: checked and counted on this gateway (the per-connection budget is AbuseFilter's),
    /// handed to the session with the others at the next flush. Answered once counted, not once
    /// durable: a reaction is a moment's signal, not a record.
    /// </summary>
    public async Task React(ReactRequest? request)
    {
        var me = Contributor();
        var reactions = fanout.ReactionsOf(me.SessionId)
            ?? throw Refused.With(RefusalCodes.Unavailable, "This gateway no longer follows the session: join again.");
        if (reactions.Add(request?.Kind, me.Mode) is { } refusal)
        {
            throw Refused.With(refusal.Code, refusal.Message);
        }
        if (reactionOptions.Value.FlushInterval <= TimeSpan.Zero && reactions.Take() is { } tally)
        {
            // Not coalesced (measurement only): one session call per reaction.
            await Session(me).AddReactions(tally);
        }
    }

    /// <summary>Staff: reactions on or off, and their kinds.</summary>
    public async Task SetReactions(ReactionsRequest? request) =>
        await Moderate((s, me) => request is null
            ? Task.FromResult(Outcome<Done>.Refuse(new Refusal(RefusalCodes.Invalid, "SetReactions takes {enabled, kinds?}.")))
            : s.SetReactions(me.ParticipantId, request));
}
