using CafeIA.Gateway.Security;
using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// When each of a session's lanes may be sent what waits for it, and what (merged, seqs
/// From..Seq). After a quiet moment a change goes out at once; under a storm of commits, what
/// arrives meanwhile goes out as one merged batch at most every <see cref="FanoutOptions.MinSendInterval"/>:
/// <list type="bullet">
/// <item>the staff and the projector (a few screens) see every seq, a batch possibly empty;</item>
/// <item>personal events, to the few connections of the participants they concern;</item>
/// <item>the participants' group, which may hold thousands of screens, also within its message
/// budget (<see cref="FanoutOptions.ParticipantMessagesPerSecond"/>); it is not sent seqs that
/// carry nothing for it while the session is busy: those go out inside its next batch (whose From
/// covers them), or once the session has been quiet for <see cref="QuietDelay"/>.</item>
/// </list>
/// </summary>
internal sealed class SendPacer
{
    public static readonly TimeSpan QuietDelay = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock;
    private readonly TimeSpan _minSendInterval;
    /// <summary>Messages to the participants' screens: holds one second's worth (a send to more screens waits for a full bucket).</summary>
    private readonly TokenBucket _participantsBudget;
    private readonly Lane _staff = new();
    private readonly Lane _personal = new();
    private readonly Lane _participants = new();
    private bool _participantsHaveNews;
    private long _lastArrivalAt;

    public SendPacer(TimeProvider clock, TimeSpan minSendInterval, int participantMessagesPerSecond)
    {
        (_clock, _minSendInterval) = (clock, minSendInterval);
        var perSecond = Math.Max(1, participantMessagesPerSecond);
        _participantsBudget = new TokenBucket(perSecond, perSecond, clock);
    }

    /// <summary>A batch taken in seq order: it waits in every lane.</summary>
    public void Add(SessionChanges changes)
    {
        _staff.Waiting.Add(changes);
        _participants.Waiting.Add(changes);
        if (changes.Deliveries.Any(d => d.To == Audience.Personal))
        {
            _personal.Waiting.Add(changes);
        }
        _participantsHaveNews |= changes.Deliveries.Any(d => (d.To & Audience.Participants) != 0);
        _lastArrivalAt = _clock.GetTimestamp();
    }

    /// <summary>What the staff and the projector get now, merged; null when nothing is due.</summary>
    public SessionChanges? TakeForStaff() => StaffDue() <= TimeSpan.Zero ? Take(_staff) : null;

    /// <summary>The batches whose personal events go out now, merged; null when nothing is due.</summary>
    public SessionChanges? TakeForPersonal() => PersonalDue() <= TimeSpan.Zero ? Take(_personal) : null;

    /// <summary>
    /// What the participants' group gets now, merged, for <paramref name="screens"/> screens (their
    /// messages are spent from the budget); null when nothing is due. A storm: several commits
    /// waited for this send.
    /// </summary>
    public (SessionChanges Merged, bool Storm)? TakeForParticipants(int screens)
    {
        // Due with nothing waiting (the batch went with a joiner's catch-up, say): nothing to send, no budget spent.
        if (ParticipantsDue(screens) > TimeSpan.Zero || _participants.Waiting.Count == 0)
        {
            return null;
        }
        var storm = _participants.Waiting.Count > 1;
        _participantsBudget.Spend(screens);
        _participantsHaveNews = false;
        return (Take(_participants)!, storm);
    }

    /// <summary>How long until some lane is due (zero: now; null when nothing waits).</summary>
    public TimeSpan? NextDue(int screens) =>
        Earliest(StaffDue(), PersonalDue(), ParticipantsDue(screens)) is { } due ? (due > TimeSpan.Zero ? due : TimeSpan.Zero) : null;

    private TimeSpan? StaffDue() => _staff.Waiting.Count == 0 ? null : IntervalLeft(_staff);

    private TimeSpan? PersonalDue() => _personal.Waiting.Count == 0 ? null : IntervalLeft(_personal);

    private TimeSpan? ParticipantsDue(int screens)
    {
        if (_participants.Waiting.Count == 0)
        {
            return null;
        }
        var interval = IntervalLeft(_participants);
        var budget = _participantsBudget.WaitFor(screens);
        var due = interval > budget ? interval : budget;
        var quiet = QuietDelay - Since(_lastArrivalAt);
        return _participantsHaveNews || quiet <= due ? due : quiet;
    }

    private TimeSpan IntervalLeft(Lane lane) => _minSendInterval - Since(lane.SentAt);

    private SessionChanges? Take(Lane lane)
    {
        if (lane.Waiting.Count == 0)
        {
            return null;
        }
        lane.SentAt = _clock.GetTimestamp();
        var merged = SessionChanges.Merge([.. lane.Waiting]);
        lane.Waiting.Clear();
        return merged;
    }

    private TimeSpan Since(long timestamp) => timestamp == 0 ? TimeSpan.MaxValue : _clock.GetElapsedTime(timestamp);

    private static TimeSpan? Earliest(params TimeSpan?[] dues)
    {
        TimeSpan? earliest = null;
        foreach (var due in dues)
        {
            if (due is { } d && (earliest is null || d < earliest))
            {
                earliest = d;
            }
        }
        return earliest;
    }

    private sealed class Lane
    {
        public List<SessionChanges> Waiting { get; } = [];
        public long SentAt { get; set; }
    }
}
