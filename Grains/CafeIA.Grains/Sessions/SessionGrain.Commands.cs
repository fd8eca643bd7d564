using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>The session's commands: each one runs the domain's rule through <see cref="Apply"/>.</summary>
public sealed partial class SessionGrain
{
    public Task<Outcome<Done>> SetPhase(string participantId, SessionPhase phase) => Apply(participantId, s => s.SetPhase(participantId, phase));

    public async Task<Outcome<QuestionCreated>> Ask(string participantId, AskQuestionRequest request) =>
        Counted(await Apply(participantId, s => s.Ask(participantId, request)), CafeMetrics.Questions);

    public Task<Outcome<Done>> Upvote(string participantId, string? questionId) => Apply(participantId, s => s.Upvote(participantId, questionId));

    public Task<Outcome<Done>> RemoveUpvote(string participantId, string? questionId) => Apply(participantId, s => s.RemoveUpvote(participantId, questionId));

    public Task<Outcome<Done>> WithdrawQuestion(string participantId, string? questionId) => Apply(participantId, s => s.WithdrawQuestion(participantId, questionId));

    public Task<Outcome<PollCreated>> CreatePoll(string participantId, CreatePollRequest request) => Apply(participantId, s => s.CreatePoll(participantId, request));

    public Task<Outcome<Done>> OpenPoll(string participantId, string? pollId) => Apply(participantId, s => s.OpenPoll(participantId, pollId));

    public Task<Outcome<Done>> ClosePoll(string participantId, string? pollId) => Apply(participantId, s => s.ClosePoll(participantId, pollId));

    public Task<Outcome<Done>> EditPoll(string participantId, EditPollRequest request) => Apply(participantId, s => s.EditPoll(participantId, request));

    public Task<Outcome<Done>> DeletePoll(string participantId, string? pollId) => Apply(participantId, s => s.DeletePoll(participantId, pollId));

    public Task<Outcome<Done>> RevealResults(string participantId, string? pollId) => Apply(participantId, s => s.RevealResults(participantId, pollId));

    public Task<Outcome<Done>> HideResults(string participantId, string? pollId) => Apply(participantId, s => s.HideResults(participantId, pollId));

    public Task<Outcome<Done>> ShowResultsOnScreen(string participantId, string? pollId, bool? show) =>
        Apply(participantId, s => s.ShowResultsOnScreen(participantId, pollId, show));

    public Task<Outcome<Done>> SetScreen(string participantId, ScreenRequest request) => Apply(participantId, s => s.SetScreen(participantId, request));

    public Task<Outcome<Done>> ModerateAnswer(string participantId, AnswerRef answer, bool approve) => Apply(participantId, s => s.ModerateAnswer(participantId, answer, approve));

    public async Task<Outcome<BallotAccepted>> Vote(string participantId, VoteRequest request) =>
        Counted(await Apply(participantId, s => s.Vote(participantId, request)), CafeMetrics.Ballots);

    public Task<Outcome<Done>> RecordHandCount(string participantId, HandCountRequest request) =>
        Apply(participantId, s => s.RecordHandCount(participantId, request));

    public Task<Outcome<Done>> ClearHandCount(string participantId, string? pollId) => Apply(participantId, s => s.ClearHandCount(participantId, pollId));

    private static Outcome<T> Counted<T>(Outcome<T> outcome, System.Diagnostics.Metrics.Counter<long> counter)
    {
        if (!outcome.IsRefused)
        {
            counter.Add(1);
        }
        return outcome;
    }

    public Task<Outcome<Done>> SetModeration(string participantId, ModerationSettings settings) => Apply(participantId, s => s.SetModeration(participantId, settings));

    public Task<Outcome<Done>> ModerateQuestion(string participantId, QuestionModeration moderation) => Apply(participantId, s => s.ModerateQuestion(participantId, moderation));

    public Task<Outcome<Done>> ReplyToQuestion(string participantId, ReplyRequest request) => Apply(participantId, s => s.ReplyToQuestion(participantId, request));

    public Task<Outcome<Done>> ClearReply(string participantId, string? questionId) => Apply(participantId, s => s.ClearReply(participantId, questionId));

    public Task<Outcome<Done>> RestoreQuestion(string participantId, string? questionId) => Apply(participantId, s => s.RestoreQuestion(participantId, questionId));

    public Task<Outcome<Done>> PauseQuestions(string participantId, PauseQuestionsRequest request) => Apply(participantId, s => s.PauseQuestions(participantId, request));

    public Task<Outcome<Announcement>> Announce(string participantId, AnnounceRequest request) => Apply(participantId, s => s.Announce(participantId, request));

    public Task<Outcome<Done>> DismissAnnouncement(string participantId) => Apply(participantId, s => s.DismissAnnouncement(participantId));

    public Task<Outcome<Done>> SetProfanityFilter(string participantId, ProfanityFilterRequest request) => Apply(participantId, s => s.SetProfanityFilter(participantId, request));

    public Task<Outcome<Done>> ModerateWord(string participantId, WordModerationRequest request) => Apply(participantId, s => s.ModerateWord(participantId, request));

    public Task<Outcome<Done>> SetMuted(string participantId, string? targetParticipantId, bool muted) => Apply(participantId, s => s.SetMuted(participantId, targetParticipantId, muted));

    public Task<Outcome<ModeratorLinkView>> CreateModeratorLink(string participantId, string? facilitatorKey, string? label) =>
        Apply(participantId, s => s.CreateModeratorLink(participantId, facilitatorKey, label));

    public Task<Outcome<Done>> RevokeModeratorLink(string participantId, string? linkId) => Apply(participantId, s => s.RevokeModeratorLink(participantId, linkId));

    public Task<Outcome<KioskLinkView>> CreateKioskLink(string participantId, string? facilitatorKey, string? label) =>
        Apply(participantId, s => s.CreateKioskLink(participantId, facilitatorKey, label));

    public Task<Outcome<Done>> RevokeKioskLink(string participantId, string? linkId) => Apply(participantId, s => s.RevokeKioskLink(participantId, linkId));

    public async Task<Outcome<Done>> KioskVote(string participantId, VoteRequest request) =>
        Counted(await Apply(participantId, s => s.KioskVote(participantId, request)), CafeMetrics.Ballots);

    public Task<Outcome<KioskTurnUndone>> UndoKioskTurn(string participantId, string? linkId) =>
        Apply(participantId, s => s.UndoKioskTurn(participantId, linkId));

    public Task<Outcome<Done>> SetHand(string participantId, bool raised) => Apply(participantId, s => s.SetHand(participantId, raised));

    public Task<Outcome<SpeakerCalled>> CallSpeaker(string participantId, string? targetParticipantId) => Apply(participantId, s => s.CallSpeaker(participantId, targetParticipantId));

    public Task<Outcome<Done>> EndSpeaking(string participantId) => Apply(participantId, s => s.EndSpeaking(participantId));

    public Task<Outcome<Done>> SetVideo(string participantId, string? url) => Apply(participantId, s => s.SetVideo(participantId, url));

    public Task<Outcome<Done>> PublishToMap(string participantId, CafeListingRequest request) => Apply(participantId, s => s.PublishToMap(participantId, request));

    public Task<Outcome<Done>> UnpublishFromMap(string participantId) => Apply(participantId, s => s.UnpublishFromMap(participantId));

    public Task<Outcome<SessionReport>> GetReport(string? facilitatorKey) => Apply(null, s => s.Report(facilitatorKey));

    public Task<Outcome<Done>> SetReportPublic(string participantId, bool isPublic) => Apply(participantId, s => s.SetReportPublic(participantId, isPublic));

    public Task<Outcome<Done>> SetConclusion(string participantId, ConclusionRequest request) => Apply(participantId, s => s.SetConclusion(participantId, request));
}
