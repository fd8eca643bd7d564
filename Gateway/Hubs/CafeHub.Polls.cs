using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

public sealed partial class CafeHub
{
    public async Task<PollCreated> CreatePoll(CreatePollRequest? request) =>
        await Facilitate((s, me) => s.CreatePoll(me.ParticipantId, request ?? new CreatePollRequest(null, PollKind.Single, null)));

    public async Task OpenPoll(PollRef? request) => await Facilitate((s, me) => s.OpenPoll(me.ParticipantId, request?.PollId));

    public async Task ClosePoll(PollRef? request) => await Facilitate((s, me) => s.ClosePoll(me.ParticipantId, request?.PollId));

    public async Task Vote(VoteRequest? request) =>
        await Contribute((s, me) => s.Vote(me.ParticipantId, request ?? new VoteRequest(null, null)));
}
