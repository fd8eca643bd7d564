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

    /// <summary>"Ce que nous retenons": the facilitator's conclusion, for the report and the open data (null: none written).</summary>
    public string? Conclusion { get; set; }

    /// <summary>The agenda's activities, in order (Domain/Agenda); sessions stored before it have none.</summary>
    public List<AgendaActivity> Agenda { get; set; } = [];
    public int ActivitiesCreated { get; set; }

    /// <summary>The agenda's activity in focus (null: none yet) and its running timer (null: none).</summary>
    public string? CurrentActivityId { get; set; }
    public ActivityTimer? Timer { get; set; }

    /// <summary>What the facilitator says of the café for those who replicate it (its format's description and audience).</summary>
    public string? Description { get; set; }
    public string? Audience { get; set; }

    /// <summary>The licence its format is published under; null: CC-BY-SA-4.0.</summary>
    public string? Licence { get; set; }

    /// <summary>The catalogue format this session was created from, if any.</summary>
    public FormatOrigin? FormatOrigin { get; set; }

    /// <summary>The catalogue format this session published (republishing adds a version to it).</summary>
    public string? PublishedFormatId { get; set; }

    [JsonIgnore]
    public bool Exists => JoinCode.Length > 0;
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
