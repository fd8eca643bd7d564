using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

/// <summary>Issue 16's staff tools around questions: replies, the archive, the pause, announcements, the profanity filter.</summary>
public sealed partial class CafeHub
{
    public async Task ReplyToQuestion(ReplyRequest? request) =>
        await Moderate((s, me) => s.ReplyToQuestion(me.ParticipantId, request ?? new ReplyRequest(null, null)));

    public async Task ClearReply(QuestionRef? request) => await Moderate((s, me) => s.ClearReply(me.ParticipantId, request?.QuestionId));

    public async Task RestoreQuestion(QuestionRef? request) => await Moderate((s, me) => s.RestoreQuestion(me.ParticipantId, request?.QuestionId));

    public async Task PauseQuestions(PauseQuestionsRequest? request) =>
        await Moderate((s, me) => s.PauseQuestions(me.ParticipantId, request ?? new PauseQuestionsRequest(null)));

    public async Task<Announcement> Announce(AnnounceRequest? request) =>
        await Moderate((s, me) => s.Announce(me.ParticipantId, request ?? new AnnounceRequest(null)));

    public async Task DismissAnnouncement(OperationRequest? request) => await Moderate((s, me) => s.DismissAnnouncement(me.ParticipantId));

    public async Task SetEasyRead(EasyReadRequest? request) =>
        await Facilitate((s, me) => s.SetEasyRead(me.ParticipantId, request ?? new EasyReadRequest(null)));

    public async Task SetProfanityFilter(ProfanityFilterRequest? request) =>
        await Facilitate((s, me) => s.SetProfanityFilter(me.ParticipantId, request ?? new ProfanityFilterRequest(null)));

    public async Task ModerateWord(WordModerationRequest? request) =>
        await Moderate((s, me) => s.ModerateWord(me.ParticipantId, request ?? new WordModerationRequest(null, null, null)));
}
