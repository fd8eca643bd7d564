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

    /// <summary>
    /// One ballot per participant and poll, replaced by a later one while the poll is open.
    /// The ballot keeps the voter's mode so on-site and remote results add up to the total.
    /// </summary>
    public Outcome<Done> Vote(string participantId, VoteRequest request)
    {
        var (voter, refusal) = Contributor(participantId);
        if (voter is null)
        {
            return Outcome<Done>.Refuse(refusal!);
        }
        if (FindPoll(request.PollId) is not { } poll || poll.State == PollState.Draft)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.Kind == PollKind.Quiz && voter.IsStaff)
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "The staff know the answer: a quiz is for the participants.");
        }
        if (poll.State != PollState.Open)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This poll is not open for votes.");
        }
        if (poll.ClosesAt is { } closesAt && clock.GetUtcNow() >= closesAt)
        {
            return Refuse<Done>(RefusalCodes.Closed, "Time is up for this question.");
        }
        var (ballot, invalid) = PollRules.Ballot(poll, request, limits);
        if (ballot is null)
        {
            return Outcome<Done>.Refuse(invalid!);
        }
        Filter(ballot, voter);
        var previous = poll.Ballots.GetValueOrDefault(voter.Id);
        if (previous is not null && PollRules.Same(previous, ballot))
        {
            return Ok();
        }
        if (previous is not null && poll.Kind == PollKind.Quiz)
        {
            // The first answer stands: changing it after seeing the room react would be cheating the clock.
            return Refuse<Done>(RefusalCodes.Closed, "You already answered this question.");
        }
        ballot.Mode = voter.Mode;
        ballot.CastAt = clock.GetUtcNow();
        if (poll.Kind == PollKind.OpenText)
        {
            // A new or changed answer waits for a moderator again.
            ballot.AnswerId = previous?.AnswerId ?? $"a{++poll.AnswersWritten}";
            ballot.AnswerStatus = AnswerStatus.Pending;
        }
        poll.Ballots[voter.Id] = ballot;
        BallotChanged(poll, voter.Id);
        PublishResults(poll);
        return Ok();
    }

    /// <summary>Shows (approve) or hides an open-text answer; answers are shown only once approved.</summary>
    public Outcome<Done> ModerateAnswer(string participantId, AnswerRef answer, bool approve)
    {
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindPoll(answer.PollId) is not { Kind: PollKind.OpenText } poll
            || poll.Ballots.FirstOrDefault(b => b.Value.AnswerId == answer.AnswerId) is not { Value: { } ballot } cast)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such answer.");
        }
        var status = approve ? AnswerStatus.Visible : AnswerStatus.Hidden;
        if (ballot.AnswerStatus != status)
        {
            ballot.AnswerStatus = status;
            BallotChanged(poll, cast.Key);
            PublishResults(poll);
        }
        return Ok();
    }

    /// <summary>The profanity filter on a ballot's texts: masked, or flagged for the staff (answers stay pending anyway; words are held out of the cloud).</summary>
    private void Filter(Ballot ballot, Participant voter)
    {
        if (ballot.Text is { } answer)
        {
            (ballot.Text, ballot.Flagged) = Filtered(answer, voter);
        }
        if (ballot.Words is { } words)
        {
            var filtered = words.Select(w => Filtered(w, voter)).ToArray();
            ballot.Words = [.. filtered.Select(f => f.Text)];
            ballot.FlaggedWords = filtered.Any(f => f.Held) ? [.. filtered.Where(f => f.Held).Select(f => WordCloud.Key(f.Text))] : null;
        }
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

    /// <summary>
    /// Tells each audience what it may see of a poll: the staff everything, drafts included; the
    /// projector opened polls with their (approved) results; participants opened polls, with
    /// results only when they are live or revealed.
    /// </summary>
    private void PublishPoll(Poll poll)
    {
        var (staff, shown) = Tally(poll);
        Emit(new PollUpdated(PollView(poll, staff, isStaff: true)), Audience.Staff);
        if (poll.State != PollState.Draft)
        {
            Emit(new PollUpdated(PollView(poll, shown, isStaff: false)), Audience.Projector);
            Emit(new PollUpdated(PollView(poll, poll.ResultsPublic ? shown : null, isStaff: false)), Audience.Participants);
        }
    }

    /// <summary>The poll's results changed: they are counted and sent when the batch is taken, once per batch.</summary>
    private void PublishResults(Poll poll)
    {
        _tallyDue.Add(poll);
        MarkDirty();
    }

    private void EmitResults(Poll poll)
    {
        var (staff, shown) = Tally(poll);
        Emit(new PollResultsChanged(poll.Id, staff), Audience.Staff);
        Emit(new PollResultsChanged(poll.Id, shown), poll.ResultsPublic ? Audience.Projector | Audience.Participants : Audience.Projector);
    }

    /// <summary>
    /// The results for the staff and for everyone else, counted once per change: they differ
    /// only by the open-text answers not yet approved and the word-cloud words held back.
    /// </summary>
    private (PollResults Staff, PollResults Shown) Tally(Poll poll)
    {
        var staff = PollTally.Results(poll, staff: true, limits);
        return (staff, poll.Kind is PollKind.OpenText or PollKind.WordCloud ? PollTally.Results(poll, staff: false, limits) : staff);
    }

    private PollView PollView(Poll poll, Audience audience)
    {
        var (staff, shown) = Tally(poll);
        return PollView(poll, audience switch
        {
            Audience.Staff => staff,
            Audience.Projector => shown,
            _ => poll.ResultsPublic ? shown : null,
        }, isStaff: audience == Audience.Staff);
    }

    /// <summary>
    /// The poll as an audience sees it; a quiz's correct options only for the staff until it closes.
    /// A quiz says how many options a ballot may pick (1, or any number when several are right),
    /// never how many are right.
    /// </summary>
    private static PollView PollView(Poll poll, PollResults? results, bool isStaff) => new(
        poll.Id, poll.Question, poll.Kind, poll.Options, poll.State,
        results,
        MaxChoices: poll.Kind == PollKind.Quiz ? (poll.Correct is { Length: 1 } ? 1 : poll.Options.Length) : poll.MaxChoices, ScaleMax: poll.ScaleMax, MinLabel: poll.MinLabel, MaxLabel: poll.MaxLabel,
        HideResults: poll.HideResults, Revealed: poll.Revealed, ProgrammePollId: poll.ProgrammePollId,
        ResultsOnScreen: poll.OnScreen, OpenedAt: poll.State == PollState.Draft ? null : poll.OpenedAt,
        Budget: poll.Budget, Seconds: poll.Seconds, MaxPoints: poll.MaxPoints,
        Correct: isStaff || poll.State == PollState.Closed ? poll.Correct : null,
        ClosesAt: poll.ClosesAt,
        HandCount: isStaff ? poll.HandCount : null);

    /// <summary>A poll as one participant sees it in their snapshot, with their own ballot.</summary>
    private PollView PollView(Poll poll, Participant viewer)
    {
        var audience = viewer.IsStaff ? Audience.Staff : viewer.Role == Role.Projector ? Audience.Projector : Audience.Participants;
        var view = PollView(poll, audience);
        return poll.Ballots.TryGetValue(viewer.Id, out var ballot)
            ? view with
            {
                MyChoices = poll.Kind is PollKind.Single or PollKind.Multiple or PollKind.Quiz ? ballot.Choices : null,
                MyWords = ballot.Words,
                MyRating = ballot.Rating,
                MyText = ballot.Text,
                MyOrder = ballot.Order,
                MyPoints = ballot.Points,
                MyScore = poll is { Kind: PollKind.Quiz, State: PollState.Closed } ? QuizScoring.Score(poll, ballot) : null,
                MyCorrect = poll is { Kind: PollKind.Quiz, State: PollState.Closed } ? QuizScoring.IsCorrect(poll, ballot) : null,
            }
            : view;
    }

    private static bool SeesPoll(Participant viewer, Poll poll) => viewer.IsStaff || poll.State != PollState.Draft;
}
