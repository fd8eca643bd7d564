using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// What a screen that just joined missed. Its snapshot is made at some seq, and it enters its role
/// group a moment later: batches after that seq that its group was already sent never reached it.
/// The last <see cref="Retained"/> batches are kept so that they can be replayed to it alone,
/// instead of a second snapshot; older ones are gone, and the screen then needs a fresh snapshot.
/// </summary>
internal sealed class JoinerCatchUp
{
    public const int Retained = 256;

    private readonly Queue<SessionChanges> _recent = new();
    private long _sentToStaff;
    private long _sentToParticipants;

    /// <summary>A batch taken in seq order.</summary>
    public void Retain(SessionChanges changes)
    {
        _recent.Enqueue(changes);
        if (_recent.Count > Retained)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>The staff and the projector's group (<see cref="Audience.Staff"/>) or the participants' were sent up to this seq.</summary>
    public void Sent(Audience group, long seq)
    {
        if (group == Audience.Participants)
        {
            _sentToParticipants = seq;
        }
        else
        {
            _sentToStaff = seq;
        }
    }

    /// <summary>
    /// What a screen of <paramref name="group"/> whose snapshot is at <paramref name="afterSeq"/>
    /// missed: nothing (null, caught up), the batches to replay merged, or <see cref="Lost"/> when
    /// they are no longer retained.
    /// </summary>
    public Missed For(Audience group, long afterSeq)
    {
        var sent = group == Audience.Participants ? _sentToParticipants : _sentToStaff;
        if (sent <= afterSeq)
        {
            return Missed.Nothing;
        }
        var missed = _recent.Where(c => c.Seq > afterSeq && c.Seq <= sent).ToList();
        return missed.Count == 0 || (missed[0].From ?? missed[0].Seq) > afterSeq + 1
            ? Missed.Lost
            : new Missed(SessionChanges.Merge(missed));
    }

    /// <summary>What a joiner missed: <see cref="Replay"/> to send it, or none; <see cref="IsLost"/> when it needs a snapshot.</summary>
    public sealed record Missed(SessionChanges? Replay, bool IsLost = false)
    {
        public static readonly Missed Nothing = new((SessionChanges?)null);
        public static readonly Missed Lost = new(null, IsLost: true);
    }
}
