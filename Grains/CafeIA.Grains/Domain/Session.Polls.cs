using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>Prepares a poll as a draft (only the staff see drafts), also before the session starts.</summary>
    public Outcome<PollCreated> CreatePoll(string participantId, CreatePollRequest request)
    {
        if (PollManager(participantId) is { } refusal)
        {
            return Outcome<PollCreated>.Refuse(refusal);
        }
        if (state.Polls.Count >= limits.MaxPollsPerSession)
        {
            return Refuse<PollCreated>(RefusalCodes.Invalid, "This session has reached its number of polls.");
        }
        var poll = new Poll { State = PollState.Draft, CreatedAt = clock.GetUtcNow() };
        if (PollRules.Define(poll, request, limits) is { } invalid)
        {
            return Outcome<PollCreated>.Refuse(invalid);
        }
        poll.ResultsOnScreen = !poll.HideResults;
        poll.Id = $"p{++state.PollsCreated}";
        state.Polls.Add(poll);
        PublishPoll(poll);
        return Outcome<PollCreated>.Ok(new PollCreated(poll.Id));
    }

    /// <summary>Rewrites a draft poll; once opened a poll's content is fixed.</summary>
    public Outcome<Done> EditPoll(string participantId, EditPollRequest request)
    {
        if (PollManager(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(request.PollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.State != PollState.Draft)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Only a poll that was never opened can be edited.");
        }
        var edited = new Poll();
        if (PollRules.Define(edited, request.Content, limits) is { } invalid)
        {
            return Outcome<Done>.Refuse(invalid);
        }
        var hidden = poll.HideResults;
        PollRules.Define(poll, request.Content, limits);
        if (poll.HideResults != hidden)
        {
            // A draft's projector switch follows its hideResults until it is opened.
            poll.ResultsOnScreen = !poll.HideResults;
        }
        PublishPoll(poll);
        return Ok();
    }

    public Outcome<Done> DeletePoll(string participantId, string? pollId)
    {
        if (PollManager(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(pollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        var players = poll is { Kind: PollKind.Quiz, State: PollState.Closed } ? poll.Ballots.Keys.ToList() : null;
        state.Polls.Remove(poll);
        PollRemoved(poll);
        Emit(new PollRemoved(poll.Id), poll.State == PollState.Draft ? Audience.Staff : Audience.Everyone);
        if (players is not null)
        {
            // Its points leave the leaderboard.
            StandingsChanged(players);
        }
        if (state.Screen.PollId == poll.Id)
        {
            ShowOnScreen(Screen.Join);
        }
        PollLeftAgenda(poll.Id);
        return Ok();
    }

    /// <summary>Opens a draft poll, or reopens a closed one; ballots already cast stay counted.</summary>
    public Outcome<Done> OpenPoll(string participantId, string? pollId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(pollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (state.Phase != SessionPhase.Live)
        {
            return state.Phase == SessionPhase.Ended
                ? Refuse<Done>(RefusalCodes.Closed, "This session has ended.")
                : Refuse<Done>(RefusalCodes.NotLive, "Start the session before opening a poll.");
        }
        if (poll is { Kind: PollKind.Quiz, State: PollState.Closed })
        {
            return Refuse<Done>(RefusalCodes.Invalid, "A quiz question runs once: it cannot be reopened.");
        }
        return MovePoll(poll, PollState.Open);
    }

    public Outcome<Done> ClosePoll(string participantId, string? pollId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(pollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.State == PollState.Draft)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "This poll has not been opened yet.");
        }
        return MovePoll(poll, PollState.Closed);
    }

    /// <summary>Sends hidden results to the participants; from now on they follow them live.</summary>
    public Outcome<Done> RevealResults(string participantId, string? pollId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(pollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.State == PollState.Draft)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Open the poll before revealing its results.");
        }
        if (!poll.ResultsPublic)
        {
            poll.Revealed = true;
            PublishPoll(poll);
        }
        return Ok();
    }

    /// <summary>
    /// Stops sending the results to the participants (again): the poll is then as if created with
    /// hideResults, until RevealResults. The staff and the projector still receive them.
    /// </summary>
    public Outcome<Done> HideResults(string participantId, string? pollId)
    {
        if (PollManager(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(pollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.ResultsPublic)
        {
            poll.HideResults = true;
            poll.Revealed = false;
            PublishPoll(poll);
        }
        return Ok();
    }

    /// <summary>Whether the projector draws the poll's results; it receives them either way.</summary>
    public Outcome<Done> ShowResultsOnScreen(string participantId, string? pollId, bool? show)
    {
        if (StaffChange(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(pollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (show is not { } onScreen)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Say whether the screen shows the results (show: true or false).");
        }
        if (poll.OnScreen != onScreen)
        {
            poll.ResultsOnScreen = onScreen;
            PublishPoll(poll);
        }
        return Ok();
    }

    private Outcome<Done> MovePoll(Poll poll, PollState target)
    {
        if (poll.State != target)
        {
            poll.State = target;
            if (target == PollState.Open)
            {
                poll.OpenedAt = clock.GetUtcNow();
            }
            else
            {
                poll.ClosedAt = clock.GetUtcNow();
            }
            PublishPoll(poll);
            if (poll.Kind == PollKind.Quiz && target == PollState.Closed)
            {
                StandingsChanged(poll.Ballots.Keys);
            }
        }
        return Ok();
    }

    private Refusal? PollManager(string participantId) =>
        Facilitator(participantId) ?? (state.Phase == SessionPhase.Ended
            ? new Refusal(RefusalCodes.Closed, "This session has ended.")
            : null);

    private Poll? FindPoll(string? pollId) => state.Polls.Find(p => p.Id == pollId);
}
