using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Programmes;
using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>A café in a national programme: enrolment, the programme's polls, and its tallies to the programme's shard.</summary>
public sealed partial class SessionGrain
{
    /// <summary>This café's own tallies of the programme polls this batch changed, to its programme's shard (one-way).</summary>
    private void ReportToProgramme(SessionChanges batch)
    {
        if (_state.ProgrammeId is not { } programme)
        {
            return;
        }
        foreach (var (programmePollId, tally) in _session.ProgrammeTallies(batch))
        {
            _ = grains.GetGrain<IProgrammeShardGrain>(ProgrammeShards.Key(programme, this.GetPrimaryKey())).Report(this.GetPrimaryKey(), programmePollId, tally, batch.Seq);
        }
    }

    public async Task<Outcome<Done>> JoinProgramme(string participantId, Guid programmeId, string? inviteKey)
    {
        if (!Exists || !_session.IsFacilitator(participantId))
        {
            return await Apply(participantId, s => s.JoinProgramme(participantId, programmeId));
        }
        return await grains.GetGrain<IProgrammeGrain>(programmeId).Enrol(this.GetPrimaryKey(), inviteKey)
            ? await Apply(participantId, s => s.JoinProgramme(participantId, programmeId))
            : Outcome<Done>.Refuse(new Refusal(RefusalCodes.Forbidden, "This is not the programme's invitation key."));
    }

    public Task<Outcome<PollCreated>> AddProgrammePoll(Guid programmeId, string programmePollId, CreatePollRequest request) =>
        Apply(null, s => s.AddProgrammePoll(programmeId, programmePollId, request));

    public Task<Guid?> GetProgrammeId() => Task.FromResult(Exists ? _state.ProgrammeId : null);
}
