using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>The café as one of a national programme's: enrolled by its facilitator, it receives the programme's polls.</summary>
public sealed partial class Session
{
    public bool IsFacilitator(string participantId) => Facilitator(participantId) is null;

    /// <summary>The grain has checked the invitation with the programme; the facilitator's say-so is checked here.</summary>
    public Outcome<Done> JoinProgramme(string participantId, Guid programmeId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.ProgrammeId is { } current && current != programmeId)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "This café already belongs to another programme.");
        }
        if (state.ProgrammeId is null)
        {
            state.ProgrammeId = programmeId;
            Emit(new ProgrammeJoined(programmeId.ToString()));
        }
        return Ok();
    }

    /// <summary>A poll pushed by the programme: created (tagged with its programme poll id) and opened if the café is live.</summary>
    public Outcome<PollCreated> AddProgrammePoll(Guid programmeId, string programmePollId, CreatePollRequest request)
    {
        if (state.ProgrammeId != programmeId)
        {
            return Refuse<PollCreated>(RefusalCodes.Forbidden, "This café is not one of this programme's.");
        }
        if (state.Polls.Find(p => p.ProgrammePollId == programmePollId) is { } existing)
        {
            return Outcome<PollCreated>.Ok(new PollCreated(existing.Id));
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<PollCreated>(RefusalCodes.Closed, "This session has ended.");
        }
        var poll = new Poll { State = PollState.Draft, CreatedAt = clock.GetUtcNow(), ProgrammePollId = programmePollId };
        if (PollRules.Define(poll, request, limits) is { } invalid)
        {
            return Outcome<PollCreated>.Refuse(invalid);
        }
        poll.ResultsOnScreen = !poll.HideResults;
        poll.Id = $"p{++state.PollsCreated}";
        state.Polls.Add(poll);
        if (state.Phase == SessionPhase.Live)
        {
            poll.State = PollState.Open;
            poll.OpenedAt = clock.GetUtcNow();
        }
        PublishPoll(poll);
        return Outcome<PollCreated>.Ok(new PollCreated(poll.Id));
    }

    /// <summary>This café's own tally of each programme poll the last batch changed, for the programme's shard.</summary>
    public IEnumerable<(string ProgrammePollId, Tally Tally)> ProgrammeTallies(SessionChanges batch)
    {
        if (state.ProgrammeId is null)
        {
            yield break;
        }
        var changed = batch.Deliveries.Select(d => d.Event switch
        {
            PollResultsChanged r => r.PollId,
            PollUpdated u => u.Poll.Id,
            _ => null,
        }).OfType<string>().ToHashSet();
        foreach (var poll in state.Polls.Where(p => p.ProgrammePollId is not null && changed.Contains(p.Id)))
        {
            yield return (poll.ProgrammePollId!, CafeIA.Wire.Tally.Of(PollTally.Results(poll, staff: false, limits)));
        }
    }
}
