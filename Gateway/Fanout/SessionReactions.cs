using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// One session's live reactions on this gateway: what its connections reacted since the last
/// flush (<see cref="ReactionFlusher"/> hands it to the session as one tally), and the session's
/// reaction setting and phase as this gateway last learned them, to refuse a reaction at once
/// without calling the session. Learned from the joins' snapshots and the change batches, each
/// with its seq, so that an older snapshot never overrides a newer change (Orleans may deliver
/// batches out of order). The session checks each tally again: a reaction counted here just
/// before a change of setting reached the gateway is dropped there, not shown.
/// </summary>
public sealed class SessionReactions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Onsite, int Remote)> _counts = [];
    private Reactions _setting = Reactions.Default;
    private long _settingSeq = -1;
    private SessionPhase _phase = SessionPhase.Draft;
    private long _phaseSeq = -1;

    /// <summary>What a join's snapshot says.</summary>
    public void Learn(SessionSnapshot snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Reactions is { } setting && snapshot.Seq >= _settingSeq)
            {
                (_setting, _settingSeq) = (setting, snapshot.Seq);
            }
            if (snapshot.Seq >= _phaseSeq)
            {
                (_phase, _phaseSeq) = (snapshot.State, snapshot.Seq);
            }
        }
    }

    /// <summary>What a change batch says (most say nothing about reactions).</summary>
    public void Learn(SessionChanges changes)
    {
        foreach (var delivery in changes.Deliveries)
        {
            switch (delivery.Event)
            {
                case ReactionsChanged changed:
                    lock (_gate)
                    {
                        if (changes.Seq >= _settingSeq)
                        {
                            (_setting, _settingSeq) = (changed.Reactions, changes.Seq);
                        }
                    }
                    break;
                case SessionStateChanged state:
                    lock (_gate)
                    {
                        if (changes.Seq >= _phaseSeq)
                        {
                            (_phase, _phaseSeq) = (state.State, changes.Seq);
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>Counts one reaction, or says why not (the session's rule, <see cref="Reactions.Refuse"/>).</summary>
    public Refusal? Add(string? kind, ParticipantMode mode)
    {
        lock (_gate)
        {
            if (_setting.Refuse(kind, _phase) is { } refusal)
            {
                return refusal;
            }
            var (onsite, remote) = _counts.GetValueOrDefault(kind!);
            _counts[kind!] = mode == ParticipantMode.Onsite ? (onsite + 1, remote) : (onsite, remote + 1);
            return null;
        }
    }

    /// <summary>What was counted since the last take (null: nothing), and starts afresh.</summary>
    public ReactionTally? Take()
    {
        lock (_gate)
        {
            if (_counts.Count == 0)
            {
                return null;
            }
            var tally = new ReactionTally([.. _counts.Select(c => new ReactionCount(c.Key, c.Value.Onsite, c.Value.Remote))]);
            _counts.Clear();
            return tally;
        }
    }
}
