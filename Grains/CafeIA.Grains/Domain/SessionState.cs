using System.Text.Json.Serialization;
using CafeIA.Wire;

namespace CafeIA.Domain;

// The persisted state of a session: plain classes stored as JSON by Storage/SessionStore, the
// session as one document and each participant and ballot as a row of its own ([JsonIgnore]
// below marks what is stored apart or not at all). Add properties freely; never rename one
// without a migration, stored sessions carry these names.

public sealed class SessionState
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string JoinCode { get; set; } = "";
    public SessionPhase Phase { get; set; }
    public SessionLanguage Language { get; set; }
    /// <summary>The last published batch's number: one per group commit that had events (see <c>Session.Revision</c> for the other counters).</summary>
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string FacilitatorKeyHash { get; set; } = "";
    public string ProjectorKeyHash { get; set; } = "";
    public List<ModeratorLink> ModeratorLinks { get; set; } = [];
    public int ModeratorLinksCreated { get; set; }

    /// <summary>Kiosk links, revoked ones kept (marked) so the report still names their ballots.</summary>
    public List<KioskLink> KioskLinks { get; set; } = [];
    public int KioskLinksCreated { get; set; }
    public bool PreModeration { get; set; }
    public string? VideoUrl { get; set; }
    public List<RaisedHand> Hands { get; set; } = [];
    public string? SpeakerId { get; set; }
    public int QuestionsAsked { get; set; }
    public int PollsCreated { get; set; }
    [JsonIgnore]
    public Dictionary<string, Participant> Participants { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
    public List<Poll> Polls { get; set; } = [];

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Connected attendees by mode, one sample per minute (the last count of that minute), for the report.</summary>
    public List<AttendanceSample> Attendance { get; set; } = [];

    public List<SpeakingTurn> SpeakingTurns { get; set; } = [];

    /// <summary>The national programme this café belongs to, if any.</summary>
    public Guid? ProgrammeId { get; set; }

    /// <summary>The facilitator published the report: anyone with the join code may read it.</summary>
    public bool ReportPublic { get; set; }

    /// <summary>What the facilitator published on the map of cafés; null when not listed.</summary>
    public CafeListingRequest? Listing { get; set; }

    /// <summary>What the room's screen shows, set by the staff; a session stored without it shows the join code.</summary>
    public Screen Screen { get; set; } = Screen.Join;

    /// <summary>New questions are refused with "paused" (staff questions excepted); upvotes go on.</summary>
    public bool QuestionsPaused { get; set; }

    /// <summary>What the profanity filter does; sessions stored before it existed get the default, review.</summary>
    public ProfanityMode ProfanityFilter { get; set; } = ProfanityMode.Review;

    /// <summary>Easy-read mode (FALC) as the default of phones and kiosks; false for sessions stored before it existed.</summary>
    public bool EasyRead { get; set; }

    /// <summary>The banner on every screen now (null: none).</summary>
    public Announcement? Announcement { get; set; }

    /// <summary>Every announcement made, for the report.</summary>
    public List<AnnouncementRecord> Announcements { get; set; } = [];

    /// <summary>The staff switched live reactions off (a session stored before reactions existed has them on).</summary>
    public bool ReactionsOff { get; set; }

    /// <summary>The reaction kinds the staff chose; null: the default set (Reactions.DefaultKinds).</summary>
    public string[]? ReactionKinds { get; set; }

    /// <summary>
    /// Reactions counted per minute, per kind, by mode, for the report (only minutes with reactions).
    /// Written with the next commit or the grain's periodic save, not per reaction: a crash may lose
    /// the last few seconds of counts, which were never acknowledged as durable.
    /// </summary>
    public List<ReactionMinute> ReactionMinutes { get; set; } = [];

    /// <summary>The opinion maps (Domain/Opinions); sessions stored before them have none.</summary>
    public List<Opinion> Opinions { get; set; } = [];
    public int OpinionsCreated { get; set; }

    [JsonIgnore]
    public bool Exists => JoinCode.Length > 0;
}

public sealed class Participant
{
    public string Id { get; set; } = "";
    public string? DisplayName { get; set; }
    public ParticipantMode Mode { get; set; }
    public Role Role { get; set; }
    public string ResumeSecretHash { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Open connections; presence, not identity: reset when the session activates.</summary>
    [JsonIgnore]
    public int Connections { get; set; }

    /// <summary>Muted by a moderator: still watches and votes, does not post.</summary>
    public bool Muted { get; set; }

    /// <summary>For a moderator: the link they joined with; revoking it revokes them.</summary>
    public string? ModeratorLinkId { get; set; }

    /// <summary>For a kiosk: the link it joined with; revoking it revokes the kiosk.</summary>
    public string? KioskLinkId { get; set; }
    public bool Revoked { get; set; }

    /// <summary>The last operations this participant had applied, so a retried one is answered, not redone.</summary>
    public List<OperationRecord> RecentOperations { get; set; } = [];

    [JsonIgnore]
    public bool CountsAsAttendee => Role == Role.Participant && Connections > 0;

    [JsonIgnore]
    public bool IsStaff => !Revoked && Role is Role.Facilitator or Role.Moderator;
}

public sealed class ModeratorLink
{
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class KioskLink
{
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Turns taken so far (each turn's ballot is numbered by it, never reused).</summary>
    public int Turns { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class RaisedHand
{
    public string ParticipantId { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
}

public sealed class Question
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string? AuthorName { get; set; }
    public ParticipantMode AuthorMode { get; set; }
    public QuestionStatus Status { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public HashSet<string> Upvoters { get; set; } = [];
    public bool Edited { get; set; }
    public string? RejectReason { get; set; }
    public string? MergedInto { get; set; }

    /// <summary>The staff's reply, shown under the question to everyone who sees it.</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>Held back by the profanity filter (review mode) until a moderator approves it.</summary>
    public bool Flagged { get; set; }

    /// <summary>The profanity filter held it once (for the report's count; Flagged clears when a moderator lets it through).</summary>
    public bool EverFlagged { get; set; }

    /// <summary>Open questions this one may duplicate when it arrived, closest first (staff only).</summary>
    public List<string>? SimilarTo { get; set; }

    /// <summary>Typed by the staff for someone in the room without a device: on site, no author shown (AuthorId: the staff member).</summary>
    public bool OnBehalf { get; set; }
}

public sealed class Poll
{
    public string Id { get; set; } = "";
    public string Question { get; set; } = "";
    public PollKind Kind { get; set; }

    /// <summary>Choice labels; for a rating scale "1".."N".</summary>
    public string[] Options { get; set; } = [];
    public int? MaxChoices { get; set; }
    public int? ScaleMax { get; set; }
    public string? MinLabel { get; set; }
    public string? MaxLabel { get; set; }
    public bool HideResults { get; set; }
    public bool Revealed { get; set; }
    public PollState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int AnswersWritten { get; set; }

    /// <summary>When the poll was last opened (null for a draft).</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>
    /// The projector draws the results (a switch apart from ResultsPublic, which says whether phones
    /// receive them). Set to !HideResults at creation; null only in polls stored before it existed,
    /// which keep what the projector showed then (results once public).
    /// </summary>
    public bool? ResultsOnScreen { get; set; }

    /// <summary>Set on a poll pushed by the session's programme: its id in the programme.</summary>
    public string? ProgrammePollId { get; set; }

    /// <summary>Word cloud: the staff's decision per word (by WordCloud.Key): true shown, false held back.</summary>
    public Dictionary<string, bool>? WordDecisions { get; set; }

    /// <summary>Points poll: the points each voter shares among the options.</summary>
    public int? Budget { get; set; }

    /// <summary>Quiz: the correct options (a ballot is correct when its choices are exactly these).</summary>
    public int[]? Correct { get; set; }

    /// <summary>Quiz: how long it takes ballots once opened.</summary>
    public int? Seconds { get; set; }

    /// <summary>Quiz: what an instant correct answer scores (a last-second one scores half).</summary>
    public int? MaxPoints { get; set; }

    /// <summary>When the poll was last closed (null while never closed, and in polls stored before it existed).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// The room's show of hands the staff recorded (people without a device): one count per option,
    /// for a rating per value; null when none. Kept in the session document, written with every commit.
    /// </summary>
    public int[]? HandCount { get; set; }
    /// <summary>By voter id.</summary>
    [JsonIgnore]
    public Dictionary<string, Ballot> Ballots { get; set; } = [];

    /// <summary>
    /// Participants receive results: live results, or hidden ones the facilitator revealed; a
    /// quiz's only once closed (the room's choices would give the answer away).
    /// </summary>
    [JsonIgnore]
    public bool ResultsPublic => (!HideResults || Revealed) && (Kind != PollKind.Quiz || State == PollState.Closed);

    /// <summary>Quiz: ballots are taken until then (while open).</summary>
    [JsonIgnore]
    public DateTimeOffset? ClosesAt => Kind == PollKind.Quiz && State == PollState.Open && OpenedAt is { } opened && Seconds is { } seconds
        ? opened.AddSeconds(seconds)
        : null;

    [JsonIgnore]
    public bool OnScreen => ResultsOnScreen ?? ResultsPublic;
}

/// <summary>One participant's ballot; which fields are set depends on the poll's kind.</summary>
public sealed class Ballot
{
    public int[] Choices { get; set; } = [];
    public string[]? Words { get; set; }
    public int? Rating { get; set; }
    public string? Text { get; set; }

    /// <summary>Ranking: every option index, best first.</summary>
    public int[]? Order { get; set; }

    /// <summary>Points poll: the points given to each option.</summary>
    public int[]? Points { get; set; }
    public string? AnswerId { get; set; }
    public AnswerStatus AnswerStatus { get; set; }
    public DateTimeOffset CastAt { get; set; }
    public ParticipantMode Mode { get; set; }

    /// <summary>Open text: the profanity filter flagged the answer (review mode); the staff see it.</summary>
    public bool Flagged { get; set; }

    /// <summary>Word cloud: the keys (WordCloud.Key) of this ballot's words the profanity filter flagged.</summary>
    public string[]? FlaggedWords { get; set; }

    /// <summary>A kiosk turn's ballot: the kiosk link and the turn's number (its voter id is "{link}-{turn}").</summary>
    public string? KioskLinkId { get; set; }
    public int? KioskTurn { get; set; }
}

/// <summary>An applied operation and its answer (the JSON of the command's value).</summary>
public sealed class OperationRecord
{
    public string Id { get; set; } = "";
    public string Result { get; set; } = "";
}

public sealed class AttendanceSample
{
    public DateTimeOffset At { get; set; }
    public int Onsite { get; set; }
    public int Remote { get; set; }
}

/// <summary>A turn of speech: the speaker's mode only (no name is kept for the report).</summary>
public sealed class SpeakingTurn
{
    public ParticipantMode Mode { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset? End { get; set; }
}

/// <summary>An announcement as the report keeps it.</summary>
public sealed class AnnouncementRecord
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
}

/// <summary>One minute of reactions (At: the minute's start, UTC), per kind.</summary>
public sealed class ReactionMinute
{
    public DateTimeOffset At { get; set; }
    public Dictionary<string, ReactionSplit> Counts { get; set; } = [];
}

public sealed class ReactionSplit
{
    public int Onsite { get; set; }
    public int Remote { get; set; }
}
