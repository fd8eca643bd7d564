using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// A café session as a state machine: each command either changes the state and records the events
/// it caused (each addressed to the audience allowed to see it), or changes nothing and returns a
/// refusal. No Orleans and no I/O here; the grain persists the state and publishes
/// <see cref="TakeChanges"/>, after one command or after a group of them (group commit).
/// </summary>
public sealed partial class Session(SessionState state, SessionLimits limits, TimeProvider clock)
{
    private readonly List<Delivery> _pending = [];
    private readonly List<Poll> _tallyDue = [];
    private bool _dirty;
    private Counts? _counts;

    /// <summary>
    /// Moves on every change, however small, in memory only: a caller compares it before and after
    /// one command to learn whether that command changed anything (<see cref="HasChanges"/> says
    /// only whether the commands since the last commit did). Not stored, not sent. The session's
    /// other counters: <see cref="SessionState.Seq"/>, one per published batch (what screens order
    /// changes by), and the store's version, one per write (silent writes included), which guards
    /// against a second writer.
    /// </summary>
    public long Revision { get; private set; }

    public SessionState State => state;

    public static Outcome<SessionCreated> Create(
        SessionState state, Guid id, string? title, string joinCode, SessionLimits limits, DateTimeOffset now,
        SessionLanguage language = SessionLanguage.Fr)
    {
        if (state.Exists)
        {
            return Refuse<SessionCreated>(RefusalCodes.Invalid, "This session already exists.");
        }
        if (Text.Required(title, limits.MaxTitleLength) is not { } cleanTitle)
        {
            return Refuse<SessionCreated>(RefusalCodes.Invalid, $"A title needs 1 to {limits.MaxTitleLength} characters.");
        }
        var facilitatorKey = Secrets.NewKey();
        var projectorKey = Secrets.Derive(facilitatorKey, "projector");
        state.Id = id;
        state.Title = cleanTitle;
        state.JoinCode = joinCode;
        if (!Enum.IsDefined(language))
        {
            return Refuse<SessionCreated>(RefusalCodes.Invalid, "A session speaks fr or en.");
        }
        state.Phase = SessionPhase.Draft;
        state.Language = language;
        state.CreatedAt = now;
        state.FacilitatorKeyHash = Secrets.Hash(facilitatorKey);
        state.ProjectorKeyHash = Secrets.Hash(projectorKey);
        var moderatorKey = AddModeratorLink(state, facilitatorKey, label: null, now);
        state.Seq = 1;
        return Outcome<SessionCreated>.Ok(new SessionCreated(id.ToString(), joinCode, facilitatorKey, moderatorKey, projectorKey));
    }

    /// <summary>
    /// The deliveries of the commands since the last take under one new sequence number, or null
    /// if nothing changed. Poll results are counted here, once per poll however many ballots came
    /// in, and a value that a later event of the same batch replaces is dropped (<see cref="ChangeCompaction"/>).
    /// </summary>
    public SessionChanges? TakeChanges()
    {
        foreach (var poll in _tallyDue.Distinct())
        {
            if (state.Polls.Contains(poll))
            {
                EmitResults(poll);
            }
        }
        _tallyDue.Clear();
        EmitStatementCounts();
        if (_pending.Count == 0)
        {
            return null;
        }
        state.Seq++;
        SealOpinionFeeds(state.Seq);
        var changes = new SessionChanges(state.Seq, ChangeCompaction.Compact(_pending));
        _pending.Clear();
        return changes;
    }

    /// <summary>Whether the commands since the last take changed anything.</summary>
    public bool HasChanges => _dirty || _pending.Count > 0 || _tallyDue.Count > 0 || _countsDue.Count > 0;

    /// <summary>
    /// Everything one group write holds, taken in the one order that is right: the events as a batch
    /// under the next seq (counting poll results, which may emit), then whether anything must be
    /// written at all, then the rows that changed. Null when nothing must be written.
    /// </summary>
    public PendingCommit? TakeCommit()
    {
        var batch = TakeChanges();
        var dirty = _dirty || batch is not null;
        _dirty = false;
        return dirty ? new PendingCommit(batch, TakeStoredChanges()) : null;
    }

    /// <summary>After a restart or a move no connection survives: presence starts from zero.</summary>
    public void ResetPresence()
    {
        foreach (var participant in state.Participants.Values)
        {
            participant.Connections = 0;
        }
        _counts = new Counts(0, 0);
    }

    public Outcome<Done> SetPhase(string participantId, SessionPhase phase)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (phase == state.Phase)
        {
            return Ok();
        }
        if (state.Phase == SessionPhase.Ended || phase == SessionPhase.Draft)
        {
            return Refuse<Done>(RefusalCodes.Closed, "An ended session cannot be restarted, and a started one cannot go back to draft.");
        }
        if (phase == SessionPhase.Ended)
        {
            foreach (var poll in state.Polls.Where(p => p.State == PollState.Open))
            {
                MovePoll(poll, PollState.Closed);
            }
        }
        state.Phase = phase;
        if (phase == SessionPhase.Live)
        {
            state.StartedAt ??= clock.GetUtcNow();
        }
        if (phase == SessionPhase.Ended)
        {
            state.EndedAt = clock.GetUtcNow();
            GiveFloor(null);
            CloseOpinions();
        }
        Emit(new SessionStateChanged(phase));
        return Ok();
    }

    /// <summary>Only the facilitator deletes a session; the grain then erases it.</summary>
    public Outcome<Done> Delete(string participantId) =>
        Facilitator(participantId) is { } refusal ? Outcome<Done>.Refuse(refusal) : Ok();

    /// <summary>Connected attendees by mode: counted once, then kept up to date by ChangePresence.</summary>
    public Counts Counts() => _counts ??= CountAttendees();

    private Counts CountAttendees()
    {
        int onsite = 0, remote = 0;
        foreach (var participant in state.Participants.Values.Where(p => p.CountsAsAttendee))
        {
            if (participant.Mode == ParticipantMode.Onsite)
            {
                onsite++;
            }
            else
            {
                remote++;
            }
        }
        return new Counts(onsite, remote);
    }

    private void Emit(SessionEvent change, Audience to = Audience.Everyone)
    {
        _pending.Add(new Delivery(change, to));
        Revision++;
    }

    private void EmitTo(Participant participant, SessionEvent change)
    {
        _pending.Add(new Delivery(change, Audience.Personal, participant.Id));
        Revision++;
    }

    private void MarkDirty()
    {
        _dirty = true;
        Revision++;
    }

    private static Outcome<Done> Ok() => Outcome<Done>.Ok(Done.Instance);


    private static Outcome<T> Refuse<T>(string code, string message) => Outcome<T>.Refuse(new Refusal(code, message));

    private Participant? Find(string? participantId) =>
        participantId is not null && state.Participants.TryGetValue(participantId, out var p) ? p : null;

    private Refusal? Facilitator(string participantId) =>
        Find(participantId) is { Role: Role.Facilitator }
            ? null
            : new Refusal(RefusalCodes.Forbidden, "Only the facilitator can do this.");

    /// <summary>The facilitator or a moderator whose link is still valid, else why not.</summary>
    private (Participant? Who, Refusal? Why) Staff(string participantId) =>
        Find(participantId) is { IsStaff: true } p
            ? (p, null)
            : (null, new Refusal(RefusalCodes.Forbidden, "Only the facilitator and the moderators can do this."));

    /// <summary>The participant if they may take part (ask, upvote, vote) now, else why not.</summary>
    private (Participant? Who, Refusal? Why) Contributor(string participantId)
    {
        if (Find(participantId) is not { Revoked: false } p)
        {
            return (null, new Refusal(RefusalCodes.Forbidden, "Join the session first."));
        }
        if (p.Role == Role.Projector)
        {
            return (null, new Refusal(RefusalCodes.Forbidden, "The projector screen only shows the session."));
        }
        if (p.Role == Role.Kiosk)
        {
            return (null, new Refusal(RefusalCodes.Forbidden, "A kiosk takes turns (KioskVote): it does not post, upvote or vote as one person."));
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return (null, new Refusal(RefusalCodes.Closed, "This session has ended."));
        }
        return (p, null);
    }

    private Me MeOf(Participant p) =>
        new(p.Id, p.Role, p.Mode, p.DisplayName, p.Muted, state.Hands.Exists(h => h.ParticipantId == p.Id), state.SpeakerId == p.Id,
            QuizScoreOf(p));
}
