using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

public sealed partial class CafeHub
{
    public async Task<PollCreated> CreatePoll(CreatePollRequest? request) =>
        await Facilitate((s, me) => s.CreatePoll(me.ParticipantId, request ?? new CreatePollRequest(null, PollKind.Single, null)));

    public async Task OpenPoll(PollRef? request) => await Facilitate((s, me) => s.OpenPoll(me.ParticipantId, request?.PollId));

    public async Task ClosePoll(PollRef? request) => await Facilitate((s, me) => s.ClosePoll(me.ParticipantId, request?.PollId));

    public async Task EditPoll(EditPollRequest? request) =>
        await Facilitate((s, me) => s.EditPoll(me.ParticipantId, request ?? new EditPollRequest(null, null, PollKind.Single)));

    public async Task DeletePoll(PollRef? request) => await Facilitate((s, me) => s.DeletePoll(me.ParticipantId, request?.PollId));

    public async Task RevealResults(PollRef? request) => await Facilitate((s, me) => s.RevealResults(me.ParticipantId, request?.PollId));

    /// <summary>Phones stop receiving the results again (until RevealResults).</summary>
    public async Task HideResults(PollRef? request) => await Facilitate((s, me) => s.HideResults(me.ParticipantId, request?.PollId));

    /// <summary>Whether the projector draws the poll's results (docs/PROTOCOL.md, "What the room sees").</summary>
    public async Task ShowResultsOnScreen(ResultsOnScreenRequest? request) =>
        await Moderate((s, me) => s.ShowResultsOnScreen(me.ParticipantId, request?.PollId, request?.Show));

    /// <summary>What the room's screen shows: the projector draws it, phones show it first.</summary>
    public async Task SetScreen(ScreenRequest? request) =>
        await Moderate((s, me) => s.SetScreen(me.ParticipantId, request ?? new ScreenRequest(null)));

    public async Task ApproveAnswer(AnswerRef? request) =>
        await Moderate((s, me) => s.ModerateAnswer(me.ParticipantId, request ?? new AnswerRef(null, null), approve: true));

    public async Task HideAnswer(AnswerRef? request) =>
        await Moderate((s, me) => s.ModerateAnswer(me.ParticipantId, request ?? new AnswerRef(null, null), approve: false));

    /// <summary>The room's show of hands (docs/PROTOCOL.md, "Counting hands"); counts: [] clears it.</summary>
    public async Task RecordHandCount(HandCountRequest? request) =>
        await Moderate((s, me) => s.RecordHandCount(me.ParticipantId, request ?? new HandCountRequest(null, null)));

    public async Task ClearHandCount(PollRef? request) => await Moderate((s, me) => s.ClearHandCount(me.ParticipantId, request?.PollId));

    public async Task<BallotAccepted> Vote(VoteRequest? request) =>
        await Contribute((s, me) => s.Vote(me.ParticipantId, request ?? new VoteRequest(null, null)));
}
