using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    public Outcome<PollCreated> CreatePoll(string participantId, CreatePollRequest request)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<PollCreated>.Refuse(refusal);
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<PollCreated>(RefusalCodes.Closed, "This session has ended.");
        }
        if (ValidatePoll(request) is { } invalid)
        {
            return Outcome<PollCreated>.Refuse(invalid);
        }
        if (state.Polls.Count >= limits.MaxPollsPerSession)
        {
            return Refuse<PollCreated>(RefusalCodes.Invalid, "This session has reached its number of polls.");
        }
        var poll = new Poll
        {
            Id = $"p{++state.PollsCreated}",
            Question = request.Question!.Trim(),
            Kind = request.Kind,
            Options = [.. request.Options!.Select(o => o.Trim())],
            State = PollState.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        state.Polls.Add(poll);
        Emit(new PollCreatedEvent(View(poll, viewer: null)));
        return Outcome<PollCreated>.Ok(new PollCreated(poll.Id));
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
        if (FindPoll(request.PollId) is not { } poll)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.State != PollState.Open)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This poll is not open for votes.");
        }
        var choices = request.Choices ?? [];
        var distinct = choices.Distinct().Order().ToArray();
        var validCount = poll.Kind == PollKind.Single ? distinct.Length == 1 : distinct.Length >= 1;
        if (!validCount || distinct.Length != choices.Length || distinct.Any(c => c < 0 || c >= poll.Options.Length))
        {
            return Refuse<Done>(RefusalCodes.Invalid, poll.Kind == PollKind.Single
                ? "Choose exactly one of the poll's options."
                : "Choose one or more different options of the poll.");
        }
        if (poll.Ballots.TryGetValue(voter.Id, out var previous) && previous.Choices.SequenceEqual(distinct))
        {
            return Ok();
        }
        poll.Ballots[voter.Id] = new Ballot { Choices = distinct, Mode = voter.Mode };
        Emit(new PollResultsChanged(poll.Id, Results(poll)));
        return Ok();
    }

    private Outcome<Done> MovePoll(Poll poll, PollState target)
    {
        if (poll.State != target)
        {
            poll.State = target;
            Emit(new PollStateChanged(poll.Id, target));
        }
        return Ok();
    }

    private Refusal? ValidatePoll(CreatePollRequest request)
    {
        var question = request.Question?.Trim() ?? "";
        if (question.Length == 0 || question.Length > limits.MaxPollQuestionLength)
        {
            return new Refusal(RefusalCodes.Invalid, $"A poll question needs 1 to {limits.MaxPollQuestionLength} characters.");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            return new Refusal(RefusalCodes.Invalid, "A poll is single or multiple choice.");
        }
        var options = request.Options ?? [];
        if (options.Length < limits.MinPollOptions || options.Length > limits.MaxPollOptions)
        {
            return new Refusal(RefusalCodes.Invalid, $"A poll has {limits.MinPollOptions} to {limits.MaxPollOptions} options.");
        }
        if (options.Any(o => string.IsNullOrWhiteSpace(o) || o.Trim().Length > limits.MaxPollOptionLength))
        {
            return new Refusal(RefusalCodes.Invalid, $"Each option needs 1 to {limits.MaxPollOptionLength} characters.");
        }
        return null;
    }

    private Poll? FindPoll(string? pollId) => state.Polls.Find(p => p.Id == pollId);

    /// <summary>Counts per option, in total and split by the voters' mode.</summary>
    internal static PollResults Results(Poll poll)
    {
        var onsite = new int[poll.Options.Length];
        var remote = new int[poll.Options.Length];
        foreach (var ballot in poll.Ballots.Values)
        {
            var split = ballot.Mode == ParticipantMode.Onsite ? onsite : remote;
            foreach (var choice in ballot.Choices)
            {
                split[choice]++;
            }
        }
        var counts = onsite.Zip(remote, (a, b) => a + b).ToArray();
        return new PollResults(counts, onsite, remote, poll.Ballots.Count);
    }

    private static PollView View(Poll poll, Participant? viewer) => new(
        poll.Id,
        poll.Question,
        poll.Kind,
        poll.Options,
        poll.State,
        Results(poll),
        viewer is not null && poll.Ballots.TryGetValue(viewer.Id, out var ballot) ? ballot.Choices : null);
}
