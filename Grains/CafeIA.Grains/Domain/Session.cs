using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// A café session as a state machine: each command either changes the state and records the events
/// it caused, or changes nothing and returns a refusal. No Orleans and no I/O here; the grain
/// persists the state and publishes <see cref="TakeChanges"/> after every command.
/// </summary>
public sealed partial class Session(SessionState state, SessionLimits limits, TimeProvider clock)
{
    private readonly List<SessionEvent> _pending = [];
    private bool _dirty;

    public SessionState State => state;

    public static Outcome<SessionCreated> Create(
        SessionState state, Guid id, string? title, string joinCode, SessionLimits limits, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return Refuse<SessionCreated>(RefusalCodes.Invalid, "This session already exists.");
        }
        var cleanTitle = title?.Trim() ?? "";
        if (cleanTitle.Length == 0 || cleanTitle.Length > limits.MaxTitleLength)
        {
            return Refuse<SessionCreated>(RefusalCodes.Invalid, $"A title needs 1 to {limits.MaxTitleLength} characters.");
        }
        var facilitatorKey = Secrets.NewKey();
        var keys = StaffKeysFor(facilitatorKey);
        state.Id = id;
        state.Title = cleanTitle;
        state.JoinCode = joinCode;
        state.Phase = SessionPhase.Draft;
        state.CreatedAt = now;
        state.FacilitatorKeyHash = Secrets.Hash(facilitatorKey);
        state.ModeratorKeyHash = Secrets.Hash(keys.ModeratorKey);
        state.ProjectorKeyHash = Secrets.Hash(keys.ProjectorKey);
        state.Seq = 1;
        return Outcome<SessionCreated>.Ok(
            new SessionCreated(id.ToString(), joinCode, facilitatorKey, keys.ModeratorKey, keys.ProjectorKey));
    }

    /// <summary>The events of the last command(s) under one new sequence number, or null if nothing changed.</summary>
    public ChangeBatch? TakeChanges()
    {
        if (_pending.Count == 0)
        {
            return null;
        }
        state.Seq++;
        var batch = new ChangeBatch(state.Seq, [.. _pending]);
        _pending.Clear();
        return batch;
    }

    /// <summary>True once if anything (events or silent bookkeeping) must be written.</summary>
    public bool TakeDirty()
    {
        var dirty = _dirty || _pending.Count > 0;
        _dirty = false;
        return dirty;
    }

    /// <summary>After a restart or a move no connection survives: presence starts from zero.</summary>
    public void ResetPresence()
    {
        foreach (var participant in state.Participants.Values)
        {
            participant.Connections = 0;
        }
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
                poll.State = PollState.Closed;
                Emit(new PollStateChanged(poll.Id, PollState.Closed));
            }
        }
        state.Phase = phase;
        Emit(new SessionStateChanged(phase));
        return Ok();
    }

    public Counts Counts()
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

    private void Emit(SessionEvent change) => _pending.Add(change);

    private void MarkDirty() => _dirty = true;

    private static Outcome<Done> Ok() => Outcome<Done>.Ok(Done.Instance);

    private static Outcome<T> Refuse<T>(string code, string message) => Outcome<T>.Refuse(new Refusal(code, message));

    private Refusal? Facilitator(string participantId) =>
        state.Participants.TryGetValue(participantId, out var p) && p.Role == Role.Facilitator
            ? null
            : new Refusal(RefusalCodes.Forbidden, "Only the facilitator can do this.");

    /// <summary>The participant if they may take part (ask, upvote, vote) now, else why not.</summary>
    private (Participant? Who, Refusal? Why) Contributor(string participantId)
    {
        if (!state.Participants.TryGetValue(participantId, out var p))
        {
            return (null, new Refusal(RefusalCodes.Forbidden, "Join the session first."));
        }
        if (p.Role == Role.Projector)
        {
            return (null, new Refusal(RefusalCodes.Forbidden, "The projector screen only shows the session."));
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return (null, new Refusal(RefusalCodes.Closed, "This session has ended."));
        }
        return (p, null);
    }

    internal static StaffKeys StaffKeysFor(string facilitatorKey) =>
        new(Secrets.Derive(facilitatorKey, "moderator"), Secrets.Derive(facilitatorKey, "projector"));
}
