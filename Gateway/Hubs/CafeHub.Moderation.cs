using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

/// <summary>The moderator's actions: the facilitator and holders of a valid moderator link.</summary>
public sealed partial class CafeHub
{
    public Task ApproveQuestion(QuestionRef? request) => ModerateQuestion(ModerationAction.Approve, request?.QuestionId);

    public Task RejectQuestion(RejectRequest? request) => ModerateQuestion(ModerationAction.Reject, request?.QuestionId, reason: request?.Reason);

    public Task PinQuestion(QuestionRef? request) => ModerateQuestion(ModerationAction.Pin, request?.QuestionId);

    public Task UnpinQuestion(QuestionRef? request) => ModerateQuestion(ModerationAction.Unpin, request?.QuestionId);

    public Task MarkAnswered(QuestionRef? request) => ModerateQuestion(ModerationAction.MarkAnswered, request?.QuestionId);

    public Task HideQuestion(QuestionRef? request) => ModerateQuestion(ModerationAction.Hide, request?.QuestionId);

    public Task EditQuestion(EditQuestionRequest? request) => ModerateQuestion(ModerationAction.Edit, request?.QuestionId, text: request?.Text);

    public Task MergeQuestions(MergeQuestionsRequest? request) =>
        ModerateQuestion(ModerationAction.Merge, request?.QuestionId, into: request?.IntoQuestionId);

    public async Task MuteParticipant(ParticipantRef? request) =>
        await Moderate((s, me) => s.SetMuted(me.ParticipantId, request?.ParticipantId, muted: true));

    public async Task UnmuteParticipant(ParticipantRef? request) =>
        await Moderate((s, me) => s.SetMuted(me.ParticipantId, request?.ParticipantId, muted: false));

    public async Task<SpeakerCalled> CallNextSpeaker(OperationRequest? request) => await Moderate((s, me) => s.CallSpeaker(me.ParticipantId, null));

    public async Task<SpeakerCalled> CallSpeaker(ParticipantRef? request) =>
        await Moderate((s, me) => s.CallSpeaker(me.ParticipantId, request?.ParticipantId ?? ""));

    private async Task ModerateQuestion(ModerationAction action, string? questionId, string? text = null, string? reason = null, string? into = null) =>
        await Moderate((s, me) => s.ModerateQuestion(me.ParticipantId, new QuestionModeration(action, questionId, text, reason, into)));
}
