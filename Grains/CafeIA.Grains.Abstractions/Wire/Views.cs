namespace CafeIA.Wire;

// What screens see. Personal fields (mine, upvoted, myChoices) are filled only in a snapshot
// made for one participant; in broadcast events they are null and omitted from the JSON.

[GenerateSerializer, Immutable, Alias("cafe.Counts")]
public sealed record Counts([property: Id(0)] int Onsite, [property: Id(1)] int Remote);

/// <summary>
/// A question as one audience sees it: <see cref="AuthorId"/> only for staff (to mute from the
/// queue), <see cref="RejectReason"/> only for staff and the author; the staff's reply for
/// everyone who sees the question; <see cref="SimilarTo"/> (open questions it may duplicate) and
/// <see cref="Flagged"/> (held back by the profanity filter) for the staff only; so is
/// <see cref="OnBehalf"/>: the staff typed it for someone in the room (no author shown, no AuthorId).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.QuestionView")]
public sealed record QuestionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] int Votes,
    [property: Id(3)] QuestionStatus Status,
    [property: Id(4)] ParticipantMode Mode,
    [property: Id(5)] string? AuthorName,
    [property: Id(6)] DateTimeOffset AskedAt,
    [property: Id(7)] bool? Mine = null,
    [property: Id(8)] bool? Upvoted = null,
    [property: Id(9)] bool Edited = false,
    [property: Id(10)] string? AuthorId = null,
    [property: Id(11)] string? RejectReason = null,
    [property: Id(12)] string? Reply = null,
    [property: Id(13)] DateTimeOffset? RepliedAt = null,
    [property: Id(14)] string[]? SimilarTo = null,
    [property: Id(15)] bool? Flagged = null,
    [property: Id(16)] bool? OnBehalf = null);

/// <summary>A banner the staff put on every phone and on the projector, until dismissed or replaced.</summary>
[GenerateSerializer, Immutable, Alias("cafe.Announcement")]
public sealed record Announcement([property: Id(0)] string Id, [property: Id(1)] string Text, [property: Id(2)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("cafe.VideoView")]
public sealed record VideoView([property: Id(0)] string Url, [property: Id(1)] string? EmbedUrl);

[GenerateSerializer, Immutable, Alias("cafe.HandView")]
public sealed record HandView(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] string? Name,
    [property: Id(2)] ParticipantMode Mode,
    [property: Id(3)] DateTimeOffset RaisedAt);

/// <summary>Who has the floor, as the room sees it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.SpeakerView")]
public sealed record SpeakerView([property: Id(0)] string? Name, [property: Id(1)] ParticipantMode Mode);

[GenerateSerializer, Immutable, Alias("cafe.ModeratorLinkView")]
public sealed record ModeratorLinkView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Label,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string? Key = null);

/// <summary>A kiosk link: its key only in the answer to CreateKioskLink and in a facilitator's StaffKeys.</summary>
[GenerateSerializer, Immutable, Alias("cafe.KioskLinkView")]
public sealed record KioskLinkView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Label,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string? Key = null);

/// <summary>
/// A poll's results, always split on site / remote. Choice polls and rating scales count per
/// option (for a rating, option i is the value i + 1); word clouds group words; open text lists
/// the approved answers (the staff also see pending and hidden ones). A ranking counts the ballots
/// that put each option first and adds Borda <see cref="Scores"/> and <see cref="AverageRank"/>;
/// a points poll counts the voters giving an option any points and adds their <see cref="Totals"/>;
/// a quiz counts the choices and names the <see cref="Correct"/> options once closed.
/// Single, multiple and rating polls add a third split, <see cref="NoDevice"/>: the room's show of
/// hands the staff recorded (absent until then), so Counts[i] = Onsite[i] + Remote[i] + NoDevice[i];
/// <see cref="VotersNoDevice"/> is the sum of the hands (single, rating) or their largest count
/// (multiple: a person may raise a hand for several options) and is part of <see cref="Voters"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.PollResults")]
public sealed record PollResults(
    [property: Id(0)] int[] Counts,
    [property: Id(1)] int[] Onsite,
    [property: Id(2)] int[] Remote,
    [property: Id(3)] int Voters,
    [property: Id(4)] int VotersOnsite = 0,
    [property: Id(5)] int VotersRemote = 0,
    [property: Id(6)] WordCount[]? Words = null,
    [property: Id(7)] RatingMeans? Mean = null,
    [property: Id(8)] AnswerView[]? Answers = null,
    [property: Id(9)] OptionTotals? Scores = null,
    [property: Id(10)] OptionMeans? AverageRank = null,
    [property: Id(11)] OptionTotals? Totals = null,
    [property: Id(12)] int[]? Correct = null,
    [property: Id(13)] int[]? NoDevice = null,
    [property: Id(14)] int VotersNoDevice = 0);

/// <summary>A sum per option, split: All[i] = Onsite[i] + Remote[i].</summary>
[GenerateSerializer, Immutable, Alias("cafe.OptionTotals")]
public sealed record OptionTotals(
    [property: Id(0)] int[] All,
    [property: Id(1)] int[] Onsite,
    [property: Id(2)] int[] Remote);

/// <summary>A mean per option, split, rounded to 2 decimals; null where nobody of that split voted.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OptionMeans")]
public sealed record OptionMeans(
    [property: Id(0)] double?[] All,
    [property: Id(1)] double?[] Onsite,
    [property: Id(2)] double?[] Remote);

[GenerateSerializer, Immutable, Alias("cafe.WordCount")]
public sealed record WordCount(
    [property: Id(0)] string Word,
    [property: Id(1)] int Count,
    [property: Id(2)] int Onsite,
    [property: Id(3)] int Remote,
    [property: Id(4)] bool? Flagged = null);

/// <summary>Mean ratings; null where nobody voted.</summary>
[GenerateSerializer, Immutable, Alias("cafe.RatingMeans")]
public sealed record RatingMeans(
    [property: Id(0)] double? All,
    [property: Id(1)] double? Onsite,
    [property: Id(2)] double? Remote,
    [property: Id(3)] double? NoDevice = null);

[GenerateSerializer, Immutable, Alias("cafe.AnswerView")]
public sealed record AnswerView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] ParticipantMode Mode,
    [property: Id(3)] AnswerStatus Status,
    [property: Id(4)] bool? Flagged = null);

/// <summary>
/// A poll as one audience sees it. <see cref="Results"/> is null for participants while the
/// results are hidden and not yet revealed: they are not sent, not merely not shown.
/// <see cref="HandCount"/>: the recorded show of hands, for the staff only (to edit it).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.PollView")]
public sealed record PollView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[] Options,
    [property: Id(4)] PollState State,
    [property: Id(5)] PollResults? Results,
    [property: Id(6)] int[]? MyChoices = null,
    [property: Id(7)] int? MaxChoices = null,
    [property: Id(8)] int? ScaleMax = null,
    [property: Id(9)] string? MinLabel = null,
    [property: Id(10)] string? MaxLabel = null,
    [property: Id(11)] bool HideResults = false,
    [property: Id(12)] bool Revealed = false,
    [property: Id(13)] string[]? MyWords = null,
    [property: Id(14)] int? MyRating = null,
    [property: Id(15)] string? MyText = null,
    [property: Id(16)] string? ProgrammePollId = null,
    [property: Id(17)] bool ResultsOnScreen = false,
    [property: Id(18)] DateTimeOffset? OpenedAt = null,
    [property: Id(19)] int? Budget = null,
    [property: Id(20)] int? Seconds = null,
    [property: Id(21)] int? MaxPoints = null,
    [property: Id(22)] int[]? Correct = null,
    [property: Id(23)] DateTimeOffset? ClosesAt = null,
    [property: Id(24)] int[]? MyOrder = null,
    [property: Id(25)] int[]? MyPoints = null,
    [property: Id(26)] int? MyScore = null,
    [property: Id(27)] bool? MyCorrect = null,
    [property: Id(28)] int[]? HandCount = null);

/// <summary>
/// What the room's screen shows (the projector draws this view; phones put it first). PollId is
/// set for the Activity view only: the poll in focus, of any state (a draft can be focused, then opened);
/// OpinionId for the Opinion view only; National (true, or absent) when that view shows the
/// programme's national map of a pushed opinion instead of this café's own.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.Screen")]
public sealed record Screen([property: Id(0)] ScreenView View, [property: Id(1)] string? PollId = null, [property: Id(2)] string? OpinionId = null,
    [property: Id(3)] bool? National = null)
{
    public static readonly Screen Join = new(ScreenView.Join);
}

[GenerateSerializer, Immutable, Alias("cafe.Me")]
public sealed record Me(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] Role Role,
    [property: Id(2)] ParticipantMode Mode,
    [property: Id(3)] string? DisplayName,
    [property: Id(4)] bool Muted = false,
    [property: Id(5)] bool HandRaised = false,
    [property: Id(6)] bool Speaking = false,
    [property: Id(7)] MyQuizScore? Quiz = null);

/// <summary>
/// Personal: the receiver's quiz standing over the closed quizzes (never another's): points, rank
/// (competition ranking) among Players; with the last closed quiz's own result when they answered it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.MyQuizScore")]
public sealed record MyQuizScore(
    [property: Id(0)] int Points,
    [property: Id(1)] int Rank,
    [property: Id(2)] int Players,
    [property: Id(3)] string? Name = null,
    [property: Id(4)] string? PollId = null,
    [property: Id(5)] int? Score = null,
    [property: Id(6)] bool? Correct = null);

/// <summary>The quiz leaderboard over every closed quiz of the session: the top 10, and on site against remote.</summary>
[GenerateSerializer, Immutable, Alias("cafe.LeaderboardView")]
public sealed record LeaderboardView(
    [property: Id(0)] LeaderEntry[] Top,
    [property: Id(1)] TeamScores Teams,
    [property: Id(2)] int Players);

/// <summary>One player: their display name, or a pseudonym when they have none.</summary>
[GenerateSerializer, Immutable, Alias("cafe.LeaderEntry")]
public sealed record LeaderEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] int Points,
    [property: Id(2)] int Rank,
    [property: Id(3)] ParticipantMode Mode);

/// <summary>Average points per player of each mode (null: no player of that mode), and the players of each.</summary>
[GenerateSerializer, Immutable, Alias("cafe.TeamScores")]
public sealed record TeamScores(
    [property: Id(0)] double? Onsite,
    [property: Id(1)] double? Remote,
    [property: Id(2)] int OnsitePlayers,
    [property: Id(3)] int RemotePlayers);

[GenerateSerializer, Immutable, Alias("cafe.SessionSnapshot")]
public sealed record SessionSnapshot(
    [property: Id(0)] long Seq,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string Title,
    [property: Id(3)] string JoinCode,
    [property: Id(4)] SessionPhase State,
    [property: Id(5)] QuestionView[] Questions,
    [property: Id(6)] PollView[] Polls,
    [property: Id(7)] Counts Counts,
    [property: Id(8)] Me? Me = null,
    [property: Id(9)] bool PreModeration = false,
    [property: Id(10)] VideoView? Video = null,
    [property: Id(11)] SpeakerView? Speaker = null,
    [property: Id(12)] HandView[]? Hands = null,
    [property: Id(13)] ModeratorLinkView[]? ModeratorLinks = null,
    [property: Id(14)] string[]? MutedParticipants = null,
    [property: Id(15)] SessionLanguage Language = SessionLanguage.Fr,
    [property: Id(16)] CafeListingRequest? Listing = null,
    [property: Id(17)] bool? ReportPublic = null,
    [property: Id(18)] string? ProgrammeId = null,
    [property: Id(19)] Screen? Screen = null,
    [property: Id(20)] DateTimeOffset? StartedAt = null,
    [property: Id(22)] Announcement? Announcement = null,
    [property: Id(23)] bool QuestionsPaused = false,
    [property: Id(24)] ProfanityMode ProfanityFilter = ProfanityMode.Review,
    [property: Id(21)] LeaderboardView? Leaderboard = null,
    [property: Id(25)] Reactions? Reactions = null,
    [property: Id(26)] KioskLinkView[]? KioskLinks = null,
    [property: Id(30)] bool EasyRead = false,
    [property: Id(27)] OpinionView[]? Opinions = null,
    [property: Id(40)] string? Conclusion = null,
    [property: Id(41)] ActivityView[]? Agenda = null,
    [property: Id(42)] string? CurrentActivity = null,
    [property: Id(43)] ActivityTimer? Timer = null,
    [property: Id(44)] SessionDetails? Details = null,
    [property: Id(45)] FormatOrigin? FormatOrigin = null);

[GenerateSerializer, Immutable, Alias("cafe.SessionSummary")]
public sealed record SessionSummary(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Title,
    [property: Id(2)] SessionPhase State,
    [property: Id(3)] string JoinCode,
    [property: Id(4)] SessionLanguage Language = SessionLanguage.Fr);
