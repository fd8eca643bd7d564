using CafeIA.Wire;

namespace CafeIA.Grains;

/// <summary>
/// One café session, keyed by its session id. Every mutating call is made on behalf of a participant
/// the session already knows (the gateway binds a connection to that id at JoinSession); the session
/// checks the participant's role again, so a forged id gains nothing beyond that participant's rights.
/// </summary>
[Alias("cafe.ISessionGrain")]
public interface ISessionGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<Outcome<SessionCreated>> Create(string? title);

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

    [Alias("Vote")]
    Task<Outcome<Done>> Vote(string participantId, VoteRequest request);

    /// <summary>Adds or renews a gateway's subscription; it expires unless renewed (see SessionFanout).</summary>
    [Alias("Subscribe")]
    Task Subscribe(ISessionObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(ISessionObserver observer);
}
