namespace CafeIA;

/// <summary>
/// Every limit of the service, in one place (configuration section "Limits"): the sizes the
/// session enforces, and the abuse limits the gateway enforces before a call reaches a session.
/// docs/SECURITY.md and docs/PROTOCOL.md list the defaults.
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Limits";

    // Sizes, enforced by the session (domain).
    public int MaxTitleLength { get; set; } = 120;
    public int MaxDisplayNameLength { get; set; } = 40;
    public int MaxQuestionLength { get; set; } = 500;
    public int MaxQuestionsPerSession { get; set; } = 2_000;
    public int MaxPollQuestionLength { get; set; } = 200;
    public int MinPollOptions { get; set; } = 2;
    public int MaxPollOptions { get; set; } = 10;
    public int MaxPollOptionLength { get; set; } = 100;
    public int MaxPollsPerSession { get; set; } = 100;
    public int MaxWordsPerBallot { get; set; } = 3;
    public int MaxWordLength { get; set; } = 30;
    public int WordCloudSize { get; set; } = 60;
    public int MinScale { get; set; } = 2;
    public int MaxScale { get; set; } = 10;
    public int DefaultScale { get; set; } = 5;
    public int MaxScaleLabelLength { get; set; } = 40;
    public int MaxAnswerLength { get; set; } = 280;
    public int MaxRejectReasonLength { get; set; } = 200;
    public int MaxReplyLength { get; set; } = 500;
    public int MaxAnnouncementLength { get; set; } = 280;

    /// <summary>The opinion map: topics, statements (pol.is keeps them short), statements per opinion (bounds a recompute).</summary>
    public int MaxOpinionsPerSession { get; set; } = 20;
    public int MaxOpinionTopicLength { get; set; } = 200;
    public int MaxStatementLength { get; set; } = 140;
    public int MaxStatementsPerOpinion { get; set; } = 200;

    /// <summary>Duplicate suggestions: at most this many similar open questions named on a new one.</summary>
    public int MaxSimilarQuestions { get; set; } = 3;
    public int MaxModeratorLinkLabelLength { get; set; } = 60;
    public int MaxModeratorLinks { get; set; } = 20;

    /// <summary>A show of hands counts at most this many per option (a large hall, with room to spare).</summary>
    public int MaxHandCount { get; set; } = 100_000;
    public int MaxKioskLinks { get; set; } = 20;

    /// <summary>A poll takes at most this many ballots before kiosk turns are refused (a kiosk makes one per turn).</summary>
    public int MaxKioskBallotsPerPoll { get; set; } = 5_000;
    public int MaxVideoUrlLength { get; set; } = 500;
    public int MaxPlaceLength { get; set; } = 120;
    public int MaxOrganiserLength { get; set; } = 80;
    public int MaxCafeCapacity { get; set; } = 100_000;

    /// <summary>A listed café's duration, in minutes (its invitation's end); 12 hours at most.</summary>
    public int MaxCafeDurationMinutes { get; set; } = 720;

    /// <summary>The report's conclusion ("ce que nous retenons"): a few paragraphs at most.</summary>
    public int MaxConclusionLength { get; set; } = 2000;
    public int MaxAttendanceSamples { get; set; } = 24 * 60;
    public int MaxOperationIdLength { get; set; } = 64;

    /// <summary>A session's reaction kinds: 1 to this many, each 1 to MaxReactionKindLength UTF-16 units (an emoji with its modifiers).</summary>
    public int MaxReactionKinds { get; set; } = 8;
    public int MaxReactionKindLength { get; set; } = 16;

    /// <summary>Minutes of reaction counts a session keeps for its report (the oldest go first).</summary>
    public int MaxReactionMinutes { get; set; } = 24 * 60;

    // Abuse limits, enforced by the gateway (hub filter, middleware).

    /// <summary>Largest SignalR message a client may send (SignalR's default is 32 KB).</summary>
    public long MaxMessageBytes { get; set; } = 16 * 1024;

    /// <summary>Hub calls per connection: a burst, refilled at a steady rate per second.</summary>
    public int CallBurstPerConnection { get; set; } = 30;
    public int CallsPerSecondPerConnection { get; set; } = 10;

    /// <summary>Reactions per connection: a burst, refilled at a steady rate per second (on top of the call budget).</summary>
    public int ReactionBurstPerConnection { get; set; } = 5;
    public double ReactionsPerSecondPerConnection { get; set; } = 2;

    /// <summary>Questions per participant (across their connections): a burst, then one every N seconds.</summary>
    public int QuestionBurstPerParticipant { get; set; } = 5;
    public int SecondsPerQuestion { get; set; } = 10;

    /// <summary>
    /// Join attempts naming an unknown code, per client address and minute: guessing one of
    /// 595 million codes at this pace is hopeless. Successful joins are not limited by this.
    /// </summary>
    public int FailedJoinsPerMinutePerAddress { get; set; } = 20;

    /// <summary>
    /// Open connections per client address that have not joined a session (yet): a page joins as
    /// soon as it connects, so a real audience holds few at a time, however large it is; a flood of
    /// sockets that never join stops here. Joined connections are not counted per address: a whole
    /// school or region behind one NAT joins (bounded per session instead).
    /// </summary>
    public int UnjoinedConnectionsPerAddress { get; set; } = 100;

    /// <summary>Participants a session admits (the bound on joined connections and on its stored rows); resumes always pass.</summary>
    public int MaxParticipantsPerSession { get; set; } = 50_000;

    /// <summary>Café registrations per client address: a burst (a teacher registering a class), then a steady rate per hour.</summary>
    public int RegistrationBurstPerAddress { get; set; } = 40;
    public int RegistrationsPerHourPerAddress { get; set; } = 60;

    /// <summary>Sessions created per client address: a burst (a training where everyone creates one), then a steady rate per hour.</summary>
    public int SessionCreationBurstPerAddress { get; set; } = 30;
    public int SessionCreationsPerHourPerAddress { get; set; } = 30;

    /// <summary>Programmes created per client address: a burst, then a steady rate per hour.</summary>
    public int ProgrammeCreationBurstPerAddress { get; set; } = 5;
    public int ProgrammeCreationsPerHourPerAddress { get; set; } = 5;

    /// <summary>Ended sessions are deleted with all their data after this long.</summary>
    public TimeSpan EndedSessionRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Sessions never started are deleted this long after they were created, or after the date
    /// they are listed for on the map when that is later: a script's drafts do not fill the store.
    /// </summary>
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(60);
}
