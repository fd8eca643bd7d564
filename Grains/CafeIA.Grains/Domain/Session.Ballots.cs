using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>
    /// One ballot per participant and poll, replaced by a later one while the poll is open.
    /// The ballot keeps the voter's mode so on-site and remote results add up to the total.
    /// </summary>
    public Outcome<BallotAccepted> Vote(string participantId, VoteRequest request)
    {
        var (voter, refusal) = Contributor(participantId);
        if (voter is null)
        {
            return Outcome<BallotAccepted>.Refuse(refusal!);
        }
        if (FindPoll(request.PollId) is not { } poll || poll.State == PollState.Draft)
        {
            return Refuse<BallotAccepted>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.Kind == PollKind.Quiz && voter.IsStaff)
        {
            return Refuse<BallotAccepted>(RefusalCodes.Forbidden, "The staff know the answer: a quiz is for the participants.");
        }
        if (poll.State != PollState.Open)
        {
            return Refuse<BallotAccepted>(RefusalCodes.Closed, "This poll is not open for votes.");
        }
        if (poll.ClosesAt is { } closesAt && clock.GetUtcNow() >= closesAt)
        {
            return Refuse<BallotAccepted>(RefusalCodes.Closed, "Time is up for this question.");
        }
        var (ballot, invalid) = PollRules.Ballot(poll, request, limits);
        if (ballot is null)
        {
            return Outcome<BallotAccepted>.Refuse(invalid!);
        }
        Filter(ballot, voter);
        var previous = poll.Ballots.GetValueOrDefault(voter.Id);
        if (previous is not null && PollRules.Same(previous, ballot))
        {
            return Outcome<BallotAccepted>.Ok(Accepted(poll, previous));
        }
        if (previous is not null && poll.Kind == PollKind.Quiz)
        {
            // The first answer stands: changing it after seeing the room react would be cheating the clock.
            return Refuse<BallotAccepted>(RefusalCodes.Closed, "You already answered this question.");
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
        return Outcome<BallotAccepted>.Ok(Accepted(poll, ballot));
    }

    /// <summary>
    /// The ballot as stored (words folded and deduplicated, text trimmed), in the fields of the
    /// participant's own poll view: the phone shows this, not what it sent.
    /// </summary>
    private static BallotAccepted Accepted(Poll poll, Ballot ballot) => new(
        poll.Id,
        poll.Kind is PollKind.Single or PollKind.Multiple or PollKind.Quiz ? ballot.Choices : null,
        ballot.Words, ballot.Rating, ballot.Text, ballot.Order, ballot.Points);

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
}
