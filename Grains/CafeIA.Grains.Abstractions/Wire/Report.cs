namespace CafeIA.Wire;

// The session report (docs/PROTOCOL.md, "Session report"; schema: docs/report.schema.json): what
// happened in a café, as figures, for the printable page and the open-data exports (JSON, and CSV
// with one file per table). It holds no names: questions and turns keep only the on-site/remote mode.

[GenerateSerializer, Immutable, Alias("cafe.SessionReport")]
public sealed record SessionReport(
    [property: Id(0)] string Schema,
    [property: Id(1)] ReportLicence Licence,
    [property: Id(2)] DateTimeOffset GeneratedAt,
    [property: Id(3)] ReportSession Session,
    [property: Id(4)] ReportAttendance Attendance,
    [property: Id(5)] ReportQuestions Questions,
    [property: Id(6)] ReportPoll[] Polls,
    [property: Id(7)] ReportSpeakingTurn[] SpeakingTurns,
    [property: Id(30)] ReportAnnouncement[]? Announcements = null,
    [property: Id(16)] ReportQuiz? Quiz = null,
    [property: Id(25)] ReportReactions? Reactions = null,
    [property: Id(26)] ReportKiosk[]? Kiosks = null,
    [property: Id(27)] ReportOpinion[]? Opinions = null,
    [property: Id(40)] ReportCover? Cover = null,
    [property: Id(41)] string? Conclusion = null)
{
    public const string SchemaId = "https://cafeia.live/schemas/session-report-1.json";
}

/// <summary>The open licence the report is published under.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportLicence")]
public sealed record ReportLicence([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Url)
{
    public static readonly ReportLicence Etalab = new("etalab-2.0", "Licence Ouverte / Open Licence 2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
}

[GenerateSerializer, Immutable, Alias("cafe.ReportSession")]
public sealed record ReportSession(
    [property: Id(0)] string Title,
    [property: Id(1)] SessionLanguage Language,
    [property: Id(2)] SessionPhase State,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] bool Public);

/// <summary>
/// The printed report's cover: the title; where, when and by whom as listed on the map (the date is
/// the listed start, else the start, else the creation); the catalogue format the café came from
/// (null: none); the organiser's summary (the session's description, null: none).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportCover")]
public sealed record ReportCover(
    [property: Id(0)] string Title,
    [property: Id(1)] DateTimeOffset Date,
    [property: Id(2)] string? Place = null,
    [property: Id(3)] string? Organiser = null,
    [property: Id(4)] CafeFormat? Attendance = null,
    [property: Id(5)] ReportFormat? Format = null,
    [property: Id(6)] string? Summary = null);

/// <summary>The catalogue format a café was created from: its id and version.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportFormat")]
public sealed record ReportFormat([property: Id(0)] string FormatId, [property: Id(1)] int Version);

/// <summary>SetConclusion: the facilitator's "ce que nous retenons"; empty or absent clears it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ConclusionRequest")]
public sealed record ConclusionRequest([property: Id(0)] string? Text, [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>People who joined (by mode), the most connected at once, and connections minute by minute.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportAttendance")]
public sealed record ReportAttendance(
    [property: Id(0)] int ParticipantsOnsite,
    [property: Id(1)] int ParticipantsRemote,
    [property: Id(2)] int PeakOnsite,
    [property: Id(3)] int PeakRemote,
    [property: Id(4)] AttendancePoint[] Timeline);

[GenerateSerializer, Immutable, Alias("cafe.AttendancePoint")]
public sealed record AttendancePoint([property: Id(0)] DateTimeOffset At, [property: Id(1)] int Onsite, [property: Id(2)] int Remote);

/// <summary>
/// Questions asked (all, by mode), published, answered, replied to in writing, held by the
/// profanity filter at some point, typed by the staff on someone's behalf (counted on site too);
/// the published ones, most voted first, with their replies.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportQuestions")]
public sealed record ReportQuestions(
    [property: Id(0)] int Asked,
    [property: Id(1)] int AskedOnsite,
    [property: Id(2)] int AskedRemote,
    [property: Id(3)] int Published,
    [property: Id(4)] int Answered,
    [property: Id(5)] ReportQuestion[] Questions,
    [property: Id(30)] int Replied = 0,
    [property: Id(31)] int Flagged = 0,
    [property: Id(32)] int AskedOnBehalf = 0);

[GenerateSerializer, Immutable, Alias("cafe.ReportQuestion")]
public sealed record ReportQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] int Votes,
    [property: Id(3)] QuestionStatus Status,
    [property: Id(4)] ParticipantMode Mode,
    [property: Id(5)] DateTimeOffset AskedAt,
    [property: Id(30)] string? Reply = null);

/// <summary>A banner the staff put up, and when it came down (absent: still up when the report was made).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportAnnouncement")]
public sealed record ReportAnnouncement(
    [property: Id(0)] string Text,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] DateTimeOffset? DismissedAt = null);

/// <summary>
/// A poll that was opened, with its results split on site / remote (open-text: approved answers
/// only); a points poll with its budget, a quiz with its timing, points and how the room scored.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportPoll")]
public sealed record ReportPoll(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] PollState State,
    [property: Id(4)] string[] Options,
    [property: Id(5)] PollResults Results,
    [property: Id(6)] int? ScaleMax = null,
    [property: Id(7)] int? Budget = null,
    [property: Id(8)] int? Seconds = null,
    [property: Id(9)] int? MaxPoints = null,
    [property: Id(10)] ReportQuizScores? Scoring = null);

/// <summary>One quiz question: correct answers and mean points per answer, split on site / remote.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportQuizScores")]
public sealed record ReportQuizScores(
    [property: Id(0)] int CorrectAnswers,
    [property: Id(1)] int CorrectOnsite,
    [property: Id(2)] int CorrectRemote,
    [property: Id(3)] RatingMeans MeanPoints);

/// <summary>The quiz as a whole (no names): players and team scores, on site against remote.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportQuiz")]
public sealed record ReportQuiz(
    [property: Id(0)] int Questions,
    [property: Id(1)] int Players,
    [property: Id(2)] TeamScores Teams);

[GenerateSerializer, Immutable, Alias("cafe.ReportSpeakingTurn")]
public sealed record ReportSpeakingTurn(
    [property: Id(0)] int Number,
    [property: Id(1)] ParticipantMode Mode,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset? End);

/// <summary>
/// Live reactions: totals, per kind, and minute by minute (only minutes with reactions), each split
/// on site / remote. Kinds: the session's set at the end (a kind counted earlier and dropped since
/// still appears in ByKind and the timeline).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportReactions")]
public sealed record ReportReactions(
    [property: Id(0)] int Total,
    [property: Id(1)] int Onsite,
    [property: Id(2)] int Remote,
    [property: Id(3)] string[] Kinds,
    [property: Id(4)] ReportReactionCount[] ByKind,
    [property: Id(5)] ReportReactionMinute[] Timeline);

[GenerateSerializer, Immutable, Alias("cafe.ReportReactionCount")]
public sealed record ReportReactionCount([property: Id(0)] string Kind, [property: Id(1)] int Count, [property: Id(2)] int Onsite, [property: Id(3)] int Remote);

/// <summary>One minute (At: its start, UTC) and the reactions counted in it, per kind.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportReactionMinute")]
public sealed record ReportReactionMinute([property: Id(0)] DateTimeOffset At, [property: Id(1)] ReportReactionCount[] Counts);

/// <summary>A kiosk (a shared device on site) and the ballots its turns cast, still counted; revoked kiosks included.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportKiosk")]
public sealed record ReportKiosk([property: Id(0)] string Id, [property: Id(1)] string? Label, [property: Id(2)] int Ballots);

[GenerateSerializer, Immutable, Alias("cafe.ReportVisibility")]
public sealed record ReportVisibility([property: Id(0)] bool Public, [property: Id(1)] string? OpId = null) : IOperation;
