using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

/// <summary>The live opinion map (docs/PROTOCOL.md, "Opinion map"): statements, votes, their moderation.</summary>
public sealed partial class CafeHub
{
    public async Task<OpinionCreated> CreateOpinion(CreateOpinionRequest? request) =>
        await Facilitate((s, me) => s.CreateOpinion(me.ParticipantId, request ?? new CreateOpinionRequest(null)));

    public async Task OpenOpinion(OpinionRef? request) =>
        await Moderate((s, me) => s.MoveOpinion(me.ParticipantId, request?.OpinionId, OpinionState.Open));

    public async Task CloseOpinion(OpinionRef? request) =>
        await Moderate((s, me) => s.MoveOpinion(me.ParticipantId, request?.OpinionId, OpinionState.Closed));

    public async Task<StatementAdded> AddStatement(AddStatementRequest? request) =>
        await Contribute((s, me) => s.AddStatement(me.ParticipantId, request ?? new AddStatementRequest(null, null)));

    /// <summary>Participants only: the staff and the projector are refused by the session (forbidden).</summary>
    public async Task<StatementVoted> VoteStatement(VoteStatementRequest? request) =>
        await Contribute((s, me) => s.VoteStatement(me.ParticipantId, request ?? new VoteStatementRequest(null, null, null)));

    public async Task ApproveStatement(StatementRef? request) =>
        await Moderate((s, me) => s.ModerateStatement(me.ParticipantId, request ?? new StatementRef(null, null), approve: true));

    public async Task HideStatement(StatementRef? request) =>
        await Moderate((s, me) => s.ModerateStatement(me.ParticipantId, request ?? new StatementRef(null, null), approve: false));
}
