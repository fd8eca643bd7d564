using Orleans.Concurrency;
using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// One café session, keyed by its session id. Every mutating call is made on behalf of a participant
/// the session already knows (the gateway binds a connection to that id at JoinSession); the session
/// checks the participant's role again, so a forged id gains nothing beyond that participant's rights.
/// </summary>
[Alias("cafe.ISessionGrain")]
public partial interface ISessionGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<Outcome<SessionCreated>> Create(string? title, SessionLanguage language = SessionLanguage.Fr);

    [Alias("GetSummary")]
    Task<SessionSummary?> GetSummary();

    [Alias("Join")]
    Task<Outcome<JoinResult>> Join(JoinOptions options);

    [Alias("Disconnected")]
    Task Disconnected(string participantId);

    [Alias("GetSnapshot")]
    Task<Outcome<SessionSnapshot>> GetSnapshot(string participantId);

    [Alias("SetPhase")]
    Task<Outcome<Done>> SetPhase(string participantId, SessionPhase phase);

    [Alias("Ask")]
    Task<Outcome<QuestionCreated>> Ask(string participantId, AskQuestionRequest request);

    [Alias("Upvote")]
    Task<Outcome<Done>> Upvote(string participantId, string? questionId);

    [Alias("RemoveUpvote")]
    Task<Outcome<Done>> RemoveUpvote(string participantId, string? questionId);

    [Alias("WithdrawQuestion")]
    Task<Outcome<Done>> WithdrawQuestion(string participantId, string? questionId);

    [Alias("CreatePoll")]
    Task<Outcome<PollCreated>> CreatePoll(string participantId, CreatePollRequest request);

    [Alias("OpenPoll")]
    Task<Outcome<Done>> OpenPoll(string participantId, string? pollId);

    [Alias("ClosePoll")]
    Task<Outcome<Done>> ClosePoll(string participantId, string? pollId);

    [Alias("EditPoll")]
    Task<Outcome<Done>> EditPoll(string participantId, EditPollRequest request);

    [Alias("DeletePoll")]
    Task<Outcome<Done>> DeletePoll(string participantId, string? pollId);

    [Alias("RevealResults")]
    Task<Outcome<Done>> RevealResults(string participantId, string? pollId);

    /// <summary>Phones stop receiving the poll's results, as for a poll created with hideResults.</summary>
    [Alias("HideResults")]
    Task<Outcome<Done>> HideResults(string participantId, string? pollId);

    /// <summary>Whether the projector draws the poll's results (staff).</summary>
    [Alias("ShowResultsOnScreen")]
    Task<Outcome<Done>> ShowResultsOnScreen(string participantId, string? pollId, bool? show);

    /// <summary>What the room's screen shows (staff).</summary>
    [Alias("SetScreen")]
    Task<Outcome<Done>> SetScreen(string participantId, ScreenRequest request);

    [Alias("ModerateAnswer")]
    Task<Outcome<Done>> ModerateAnswer(string participantId, AnswerRef answer, bool approve);

    [Alias("Vote")]
    Task<Outcome<BallotAccepted>> Vote(string participantId, VoteRequest request);

    /// <summary>The room's show of hands for a poll (staff); an empty count clears it.</summary>
    [Alias("RecordHandCount")]
    Task<Outcome<Done>> RecordHandCount(string participantId, HandCountRequest request);

    [Alias("ClearHandCount")]
    Task<Outcome<Done>> ClearHandCount(string participantId, string? pollId);

    [Alias("SetModeration")]
    Task<Outcome<Done>> SetModeration(string participantId, ModerationSettings settings);

    [Alias("ModerateQuestion")]
    Task<Outcome<Done>> ModerateQuestion(string participantId, QuestionModeration moderation);

    /// <summary>The staff's written reply under a question; its author is told personally.</summary>
    [Alias("ReplyToQuestion")]
    Task<Outcome<Done>> ReplyToQuestion(string participantId, ReplyRequest request);

    [Alias("ClearReply")]
    Task<Outcome<Done>> ClearReply(string participantId, string? questionId);

    /// <summary>An answered or hidden question (the archive) becomes visible again.</summary>
    [Alias("RestoreQuestion")]
    Task<Outcome<Done>> RestoreQuestion(string participantId, string? questionId);

    [Alias("PauseQuestions")]
    Task<Outcome<Done>> PauseQuestions(string participantId, PauseQuestionsRequest request);

    [Alias("Announce")]
    Task<Outcome<Announcement>> Announce(string participantId, AnnounceRequest request);

    [Alias("DismissAnnouncement")]
    Task<Outcome<Done>> DismissAnnouncement(string participantId);

    [Alias("SetEasyRead")]
    Task<Outcome<Done>> SetEasyRead(string participantId, EasyReadRequest request);

    [Alias("SetProfanityFilter")]
    Task<Outcome<Done>> SetProfanityFilter(string participantId, ProfanityFilterRequest request);

    /// <summary>Shows or holds back a word of a word cloud (staff).</summary>
    [Alias("ModerateWord")]
    Task<Outcome<Done>> ModerateWord(string participantId, WordModerationRequest request);

    [Alias("SetMuted")]
    Task<Outcome<Done>> SetMuted(string participantId, string? targetParticipantId, bool muted);

    /// <summary>The facilitator key is needed: moderator keys are derived from it, never stored.</summary>
    [Alias("CreateModeratorLink")]
    Task<Outcome<ModeratorLinkView>> CreateModeratorLink(string participantId, string? facilitatorKey, string? label);

    [Alias("RevokeModeratorLink")]
    Task<Outcome<Done>> RevokeModeratorLink(string participantId, string? linkId);

    /// <summary>A kiosk link (facilitator; its key is derived from the facilitator key, never stored).</summary>
    [Alias("CreateKioskLink")]
    Task<Outcome<KioskLinkView>> CreateKioskLink(string participantId, string? facilitatorKey, string? label);

    [Alias("RevokeKioskLink")]
    Task<Outcome<Done>> RevokeKioskLink(string participantId, string? linkId);

    /// <summary>One person's turn at a kiosk: a new anonymous on-site ballot.</summary>
    [Alias("KioskVote")]
    Task<Outcome<Done>> KioskVote(string participantId, VoteRequest request);

    /// <summary>Takes back a kiosk's last turn (the kiosk its own; the staff name the link).</summary>
    [Alias("UndoKioskTurn")]
    Task<Outcome<KioskTurnUndone>> UndoKioskTurn(string participantId, string? linkId);

    [Alias("SetHand")]
    Task<Outcome<Done>> SetHand(string participantId, bool raised);

    /// <summary>Gives the floor to a raised hand (the first one when no participant is named).</summary>
    [Alias("CallSpeaker")]
    Task<Outcome<SpeakerCalled>> CallSpeaker(string participantId, string? targetParticipantId);

    [Alias("EndSpeaking")]
    Task<Outcome<Done>> EndSpeaking(string participantId);

    /// <summary>The facilitator deletes the session and all its data; screens are told.</summary>
    [Alias("Delete")]
    Task<Outcome<Done>> Delete(string participantId);

    /// <summary>Retention: deletes an ended session whose time is up (called by the retention sweep).</summary>
    [Alias("Purge")]
    Task Purge();

    /// <summary>
    /// Retention of drafts: deletes this session if it never started and its draft retention is
    /// over at <paramref name="now"/>. Says whether it did, and when to ask again if it is kept as
    /// a draft (none when there is nothing more to watch: deleted, started, or gone).
    /// </summary>
    [Alias("PurgeIfAbandoned")]
    Task<DraftCheck> PurgeIfAbandoned(DateTimeOffset now);

    [Alias("SetVideo")]
    Task<Outcome<Done>> SetVideo(string participantId, string? url);

    /// <summary>The facilitator lists the café on the public map (or updates its listing).</summary>
    [Alias("PublishToMap")]
    Task<Outcome<Done>> PublishToMap(string participantId, CafeListingRequest request);

    [Alias("UnpublishFromMap")]
    Task<Outcome<Done>> UnpublishFromMap(string participantId);

    /// <summary>The report, for the facilitator's key or for anyone once published.</summary>
    [Alias("GetReport")]
    Task<Outcome<SessionReport>> GetReport(string? facilitatorKey);

    [Alias("SetReportPublic")]
    Task<Outcome<Done>> SetReportPublic(string participantId, bool isPublic);

    /// <summary>The report's conclusion ("ce que nous retenons"), facilitator only; empty clears it.</summary>
    [Alias("SetConclusion")]
    Task<Outcome<Done>> SetConclusion(string participantId, ConclusionRequest request);

    /// <summary>The facilitator enrols the café in a national programme with its invitation key.</summary>
    [Alias("JoinProgramme")]
    Task<Outcome<Done>> JoinProgramme(string participantId, Guid programmeId, string? inviteKey);

    /// <summary>From the programme grain: its poll, created (and opened if live) in this café.</summary>
    [Alias("AddProgrammePoll")]
    Task<Outcome<PollCreated>> AddProgrammePoll(Guid programmeId, string programmePollId, CreatePollRequest request);

    [Alias("GetProgrammeId")]
    Task<Guid?> GetProgrammeId();

    /// <summary>From the programme grain: its opinion, created (and opened if live) in this café with the national statements.</summary>
    [Alias("AddProgrammeOpinion")]
    Task<Outcome<ProgrammeOpinionAdded>> AddProgrammeOpinion(Guid programmeId, string programmeOpinionId, string topic, NationalStatement[] statements);

    /// <summary>From the programme opinion: the national pool as it now is (in pool order); new statements join this café's opinion as approved.</summary>
    [Alias("SetNationalStatements")]
    Task<Outcome<Done>> SetNationalStatements(Guid programmeId, string programmeOpinionId, NationalStatement[] statements);

    /// <summary>From the opinion map grain: the national map, published as one change batch.</summary>
    [Alias("PublishNationalMap")]
    Task<Outcome<Done>> PublishNationalMap(string opinionId, NationalMapResult map);

    /// <summary>
    /// Adds or renews a gateway's subscription; it expires unless renewed (see SessionFanout).
    /// Returns the id of this activation: when it changes, the session was reactivated (after a
    /// silo failure, say) and changes may have been missed, so the gateway's screens resync.
    /// </summary>
    [Alias("Subscribe")]
    Task<Guid> Subscribe(ISessionObserver observer);

    /// <summary>The silo this session is active on (operations and failure tests).</summary>
    [AlwaysInterleave, Alias("GetHost")]
    Task<string> GetHost();

    [Alias("Unsubscribe")]
    Task Unsubscribe(ISessionObserver observer);

    /// <summary>Staff: live reactions on or off, and their kinds (docs/PROTOCOL.md, "Live reactions").</summary>
    [Alias("SetReactions")]
    Task<Outcome<Done>> SetReactions(string participantId, ReactionsRequest request);

    /// <summary>
    /// What a gateway's connections reacted since its last tally (each reaction already checked by
    /// the gateway). Counted in memory and written with the next commit or the periodic save; no
    /// write, event or seq of its own. The session publishes bursts to subscribers at most every
    /// half second (<see cref="ISessionObserver.OnReactions"/>).
    /// </summary>
    [Alias("AddReactions")]
    Task AddReactions(ReactionTally tally);

    // The opinion map (docs/PROTOCOL.md, "Opinion map").

    [Alias("CreateOpinion")]
    Task<Outcome<OpinionCreated>> CreateOpinion(string participantId, CreateOpinionRequest request);

    [Alias("MoveOpinion")]
    Task<Outcome<Done>> MoveOpinion(string participantId, string? opinionId, OpinionState state);

    [Alias("AddStatement")]
    Task<Outcome<StatementAdded>> AddStatement(string participantId, AddStatementRequest request);

    /// <summary>Approves (true) or hides a statement (staff).</summary>
    [Alias("ModerateStatement")]
    Task<Outcome<Done>> ModerateStatement(string participantId, StatementRef statement, bool approve);

    [Alias("VoteStatement")]
    Task<Outcome<StatementVoted>> VoteStatement(string participantId, VoteStatementRequest request);

    /// <summary>From the opinion map grain: every vote of the opinion, to rebuild its matrix (read only).</summary>
    [AlwaysInterleave, Alias("GetOpinionVotes")]
    Task<OpinionVotes?> GetOpinionVotes(string opinionId);

    /// <summary>From the opinion map grain: a recompute's result, published as one change batch.</summary>
    [Alias("PublishOpinionMap")]
    Task<Outcome<Done>> PublishOpinionMap(string opinionId, OpinionMapResult map);
}
