namespace CafeIA.Wire;

// Payloads of the hub methods and their replies (docs/PROTOCOL.md). Names are fixed by the protocol.

/// <summary>
/// A mutating call's payload. OpId, chosen by the client and kept across retries, makes the call
/// idempotent: a retry after a lost acknowledgement is answered from the first attempt.
/// </summary>
public interface IOperation
{
    string? OpId { get; }
}

/// <summary>The payload of mutating calls that need nothing else (StartSession, RaiseHand, ...).</summary>
[GenerateSerializer, Immutable, Alias("cafe.OperationRequest")]
public sealed record OperationRequest([property: Id(0)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.JoinOptions")]
public sealed record JoinOptions(
    [property: Id(0)] string? DisplayName = null,
    [property: Id(1)] ParticipantMode Mode = ParticipantMode.Remote,
    [property: Id(2)] string? ResumeToken = null,
    [property: Id(3)] string? Key = null);

/// <summary>Links a facilitator can hand out; only a facilitator's join (with the key) carries them.</summary>
[GenerateSerializer, Immutable, Alias("cafe.StaffKeys")]
public sealed record StaffKeys([property: Id(0)] string ProjectorKey, [property: Id(1)] ModeratorLinkView[] ModeratorLinks,
    [property: Id(2)] KioskLinkView[]? KioskLinks = null);

[GenerateSerializer, Immutable, Alias("cafe.JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string ResumeToken,
    [property: Id(3)] SessionSnapshot Snapshot,
    [property: Id(4)] StaffKeys? StaffKeys = null);

[GenerateSerializer, Immutable, Alias("cafe.AskQuestion")]
/// <summary>OnBehalf (staff only): typed for someone in the room without a device; counted on site, shown with no author.</summary>
public sealed record AskQuestionRequest([property: Id(0)] string? Text, [property: Id(1)] bool Anonymous = false,
    [property: Id(2)] string? OpId = null, [property: Id(3)] bool OnBehalf = false) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.QuestionRef")]
public sealed record QuestionRef([property: Id(0)] string? QuestionId,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.QuestionCreated")]
public sealed record QuestionCreated([property: Id(0)] string QuestionId);

/// <summary>
/// A poll to create (or a draft's new content). Options for single and multiple choice, ranking,
/// points and quiz; MaxChoices for multiple choice (default: all); ScaleMax (2..10) and end labels
/// for a rating; Budget for points (default 100); Correct, Seconds (5..300, default 30) and Points
/// (the most a fast correct answer scores, default 1000) for a quiz.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.CreatePoll")]
public sealed record CreatePollRequest(
    [property: Id(0)] string? Question,
    [property: Id(1)] PollKind Kind,
    [property: Id(2)] string[]? Options = null,
    [property: Id(3)] int? MaxChoices = null,
    [property: Id(4)] int? ScaleMax = null,
    [property: Id(5)] string? MinLabel = null,
    [property: Id(6)] string? MaxLabel = null,
    [property: Id(7)] bool HideResults = false,
    [property: Id(8)] string? OpId = null,
    [property: Id(9)] int? Budget = null,
    [property: Id(10)] int[]? Correct = null,
    [property: Id(11)] int? Seconds = null,
    [property: Id(12)] int? Points = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.EditPoll")]
public sealed record EditPollRequest(
    [property: Id(0)] string? PollId,
    [property: Id(1)] string? Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[]? Options = null,
    [property: Id(4)] int? MaxChoices = null,
    [property: Id(5)] int? ScaleMax = null,
    [property: Id(6)] string? MinLabel = null,
    [property: Id(7)] string? MaxLabel = null,
    [property: Id(8)] bool HideResults = false,
    [property: Id(9)] string? OpId = null,
    [property: Id(10)] int? Budget = null,
    [property: Id(11)] int[]? Correct = null,
    [property: Id(12)] int? Seconds = null,
    [property: Id(13)] int? Points = null) : IOperation
{
    public CreatePollRequest Content => new(Question, Kind, Options, MaxChoices, ScaleMax, MinLabel, MaxLabel, HideResults,
        Budget: Budget, Correct: Correct, Seconds: Seconds, Points: Points);
}

[GenerateSerializer, Immutable, Alias("cafe.AnswerRef")]
public sealed record AnswerRef([property: Id(0)] string? PollId, [property: Id(1)] string? AnswerId,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.PollRef")]
public sealed record PollRef([property: Id(0)] string? PollId,
    [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>SetScreen: the view the room's screen shows; PollId with the activity view only (and required there), OpinionId likewise with the opinion view.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ScreenRequest")]
public sealed record ScreenRequest([property: Id(0)] ScreenView? View, [property: Id(1)] string? PollId = null,
    [property: Id(2)] string? OpId = null, [property: Id(3)] string? OpinionId = null, [property: Id(4)] bool? National = null) : IOperation;

/// <summary>ShowResultsOnScreen: whether the projector draws this poll's results.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ResultsOnScreenRequest")]
public sealed record ResultsOnScreenRequest([property: Id(0)] string? PollId, [property: Id(1)] bool? Show = null,
    [property: Id(2)] string? OpId = null) : IOperation;

/// <summary>RecordHandCount: the room's show of hands, one count per option (rating: per value); empty clears it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.HandCountRequest")]
public sealed record HandCountRequest([property: Id(0)] string? PollId, [property: Id(1)] int[]? Counts,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.PollCreated")]
public sealed record PollCreated([property: Id(0)] string PollId);

/// <summary>
/// A ballot: Choices (single, multiple, quiz), Words (word cloud), Rating (1..ScaleMax), Text (open
/// text), Order (ranking: every option index, best first) or Points (points: one whole number per option).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.VoteRequest")]
public sealed record VoteRequest(
    [property: Id(0)] string? PollId,
    [property: Id(1)] int[]? Choices = null,
    [property: Id(2)] string[]? Words = null,
    [property: Id(3)] int? Rating = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] string? OpId = null,
    [property: Id(6)] int[]? Order = null,
    [property: Id(7)] int[]? Points = null) : IOperation;

/// <summary>
/// The answer to a vote: the ballot as the session stored it (words folded and deduplicated, text
/// trimmed), in the fields of the poll view's own ballot (myChoices, myWords…). The phone shows this.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.BallotAccepted")]
public sealed record BallotAccepted(
    [property: Id(0)] string PollId,
    [property: Id(1)] int[]? Choices = null,
    [property: Id(2)] string[]? Words = null,
    [property: Id(3)] int? Rating = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] int[]? Order = null,
    [property: Id(6)] int[]? Points = null);

[GenerateSerializer, Immutable, Alias("cafe.SessionCreated")]
public sealed record SessionCreated(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string JoinCode,
    [property: Id(2)] string FacilitatorKey,
    [property: Id(3)] string ModeratorKey,
    [property: Id(4)] string ProjectorKey);

/// <summary>What a moderator does to one question (hub methods ApproveQuestion, RejectQuestion, ...).</summary>
public enum ModerationAction
{
    Approve = 0,
    Reject = 1,
    Pin = 2,
    Unpin = 3,
    MarkAnswered = 4,
    Hide = 5,
    Edit = 6,
    Merge = 7,
}

[GenerateSerializer, Immutable, Alias("cafe.QuestionModeration")]
public sealed record QuestionModeration(
    [property: Id(0)] ModerationAction Action,
    [property: Id(1)] string? QuestionId,
    [property: Id(2)] string? Text = null,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] string? IntoQuestionId = null);

[GenerateSerializer, Immutable, Alias("cafe.RejectRequest")]
public sealed record RejectRequest([property: Id(0)] string? QuestionId, [property: Id(1)] string? Reason = null,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.EditRequest")]
public sealed record EditQuestionRequest([property: Id(0)] string? QuestionId, [property: Id(1)] string? Text,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.MergeRequest")]
public sealed record MergeQuestionsRequest([property: Id(0)] string? QuestionId, [property: Id(1)] string? IntoQuestionId,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.ParticipantRef")]
public sealed record ParticipantRef([property: Id(0)] string? ParticipantId,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.ModerationSettings")]
public sealed record ModerationSettings([property: Id(0)] bool PreModeration,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.CreateModeratorLink")]
public sealed record CreateModeratorLinkRequest([property: Id(0)] string? Label = null,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.CreateKioskLinkRequest")]
public sealed record CreateKioskLinkRequest([property: Id(0)] string? Label = null,
    [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>RevokeKioskLink (the link to revoke); UndoKioskTurn (a kiosk: none, its own; the staff: the kiosk's link).</summary>
[GenerateSerializer, Immutable, Alias("cafe.KioskLinkRef")]
public sealed record KioskLinkRef([property: Id(0)] string? LinkId = null,
    [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>A kiosk turn's answer undone: the poll it was counted in.</summary>
[GenerateSerializer, Immutable, Alias("cafe.KioskTurnUndone")]
public sealed record KioskTurnUndone([property: Id(0)] string PollId);

[GenerateSerializer, Immutable, Alias("cafe.ModeratorLinkRef")]
public sealed record ModeratorLinkRef([property: Id(0)] string? LinkId,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.VideoRequest")]
public sealed record VideoRequest([property: Id(0)] string? Url,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.CallSpeakerRequest")]
public sealed record CallSpeakerRequest([property: Id(0)] string? ParticipantId = null,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.SpeakerCalled")]
public sealed record SpeakerCalled([property: Id(0)] string? ParticipantId);

/// <summary>ReplyToQuestion: the staff's answer in writing, shown under the question (1..MaxReplyLength characters).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReplyRequest")]
public sealed record ReplyRequest([property: Id(0)] string? QuestionId, [property: Id(1)] string? Text,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.AnnounceRequest")]
public sealed record AnnounceRequest([property: Id(0)] string? Text,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.PauseQuestionsRequest")]
public sealed record PauseQuestionsRequest([property: Id(0)] bool? Paused,
    [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>SetEasyRead (facilitator): easy-read mode (FALC) as the session's default on phones and kiosks.</summary>
[GenerateSerializer, Immutable, Alias("cafe.EasyReadRequest")]
public sealed record EasyReadRequest([property: Id(0)] bool? On,
    [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.ProfanityFilterRequest")]
public sealed record ProfanityFilterRequest([property: Id(0)] ProfanityMode? Mode,
    [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>ModerateWord: shows (approve) or holds back a word of a word cloud, as written in its results.</summary>
[GenerateSerializer, Immutable, Alias("cafe.WordModerationRequest")]
public sealed record WordModerationRequest([property: Id(0)] string? PollId, [property: Id(1)] string? Word,
    [property: Id(2)] bool? Approve, [property: Id(3)] string? OpId = null) : IOperation;
