using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>Counting hands: the staff add the room's show of hands (people without a device) to a poll's results.</summary>
public sealed partial class Session
{
    /// <summary>
    /// Replaces the poll's show of hands (an empty count clears it). Taken while the poll is open or
    /// closed, not for a draft; bad counts are refused and change nothing.
    /// </summary>
    public Outcome<Done> RecordHandCount(string participantId, HandCountRequest request)
    {
        if (HandCounter(participantId, request.PollId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        var poll = FindPoll(request.PollId)!;
        if (request.Counts is [] && HandCounts.Takes(poll.Kind))
        {
            return SetHandCount(poll, null);
        }
        if (HandCounts.Check(poll, request.Counts, limits) is { } invalid)
        {
            return Outcome<Done>.Refuse(invalid);
        }
        return SetHandCount(poll, [.. request.Counts!]);
    }

    public Outcome<Done> ClearHandCount(string participantId, string? pollId)
    {
        if (HandCounter(participantId, pollId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        return SetHandCount(FindPoll(pollId)!, null);
    }

    /// <summary>The facilitator or a moderator, in a session not ended, naming a poll that exists; else why not.</summary>
    private Refusal? HandCounter(string participantId, string? pollId)
    {
        var (_, refusal) = Staff(participantId);
        return refusal
            ?? (state.Phase == SessionPhase.Ended ? new Refusal(RefusalCodes.Closed, "This session has ended.") : null)
            ?? (FindPoll(pollId) is null ? new Refusal(RefusalCodes.NotFound, "There is no such poll.") : null);
    }

    private Outcome<Done> SetHandCount(Poll poll, int[]? counts)
    {
        if (poll.HandCount is null ? counts is null : counts is not null && poll.HandCount.SequenceEqual(counts))
        {
            return Ok();
        }
        poll.HandCount = counts;
        // The staff's view carries the count itself; every audience gets the new results.
        PublishPoll(poll);
        return Ok();
    }
}
