using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

public sealed partial class CafeHub
{
    public async Task<QuestionCreated> AskQuestion(AskQuestionRequest? request) =>
        await Contribute((s, me) => s.Ask(me.ParticipantId, request ?? new AskQuestionRequest(null)));

    public async Task Upvote(QuestionRef? request) => await Contribute((s, me) => s.Upvote(me.ParticipantId, request?.QuestionId));

    public async Task RemoveUpvote(QuestionRef? request) => await Contribute((s, me) => s.RemoveUpvote(me.ParticipantId, request?.QuestionId));

    public async Task WithdrawQuestion(QuestionRef? request) => await Contribute((s, me) => s.WithdrawQuestion(me.ParticipantId, request?.QuestionId));

    public async Task RaiseHand(OperationRequest? request) => await Contribute((s, me) => s.SetHand(me.ParticipantId, raised: true));

    public async Task LowerHand(OperationRequest? request) => await Contribute((s, me) => s.SetHand(me.ParticipantId, raised: false));

    public async Task EndSpeaking(OperationRequest? request)
    {
        var me = Bound();
        Refused.Unwrap(await Session(me).EndSpeaking(me.ParticipantId));
    }
}
