using CafeIA.Domain;
using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

/// <summary>A live session with a facilitator and three participants (two on site, one remote).</summary>
internal sealed class SessionFixture
{
    public Session Session { get; }
    public SessionState State { get; }
    public SessionCreated Created { get; }
    public string Facilitator { get; }
    public string Alice { get; }
    public string Bob { get; }
    public string Chloe { get; }
    public string AliceToken { get; }

    public SessionFixture(bool live = true, TimeProvider? clock = null)
    {
        var state = State = new SessionState();
        Created = Session.Create(state, Guid.NewGuid(), "Café IA à la médiathèque", "ABC234", new SessionLimits(), DateTimeOffset.UtcNow).Value!;
        Session = new Session(state, new SessionLimits(), clock ?? TimeProvider.System);
        Facilitator = Join(new JoinOptions(Key: Created.FacilitatorKey, Mode: ParticipantMode.Onsite)).ParticipantId;
        var alice = Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        Alice = alice.ParticipantId;
        AliceToken = alice.ResumeToken;
        Bob = Join(new JoinOptions("Bob", ParticipantMode.Onsite)).ParticipantId;
        Chloe = Join(new JoinOptions("Chloé", ParticipantMode.Remote)).ParticipantId;
        if (live)
        {
            Ok(Session.SetPhase(Facilitator, SessionPhase.Live));
        }
        Session.TakeChanges();
    }

    public JoinResult Join(JoinOptions options) => Ok(Session.Join(options));

    public string Moderator() => Join(new JoinOptions("Modé", Key: Created.ModeratorKey)).ParticipantId;

    /// <summary>Events of the last command(s) as one role group receives them.</summary>
    public SessionEvent[] EventsFor(Audience group) => Session.TakeChanges()?.For(group).Events ?? [];

    public string Ask(string who, string text = "Une question ?") => Ok(Session.Ask(who, new AskQuestionRequest(text))).QuestionId;

    public Outcome<Done> Moderate(string who, ModerationAction action, string? questionId, string? text = null, string? reason = null, string? into = null) =>
        Session.ModerateQuestion(who, new QuestionModeration(action, questionId, text, reason, into));

    public QuestionView[] Questions(string viewer) => Ok(Session.Snapshot(viewer)).Questions;

    public static T Ok<T>(Outcome<T> outcome)
    {
        Assert.Null(outcome.Refusal);
        return outcome.Value!;
    }

    public static void Refused<T>(Outcome<T> outcome, string code)
    {
        Assert.NotNull(outcome.Refusal);
        Assert.Equal(code, outcome.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Refusal.Message));
    }

    public string NewPoll(PollKind kind = PollKind.Single, bool open = true)
    {
        var poll = Ok(Session.CreatePoll(Facilitator, new CreatePollRequest("L'IA vous inquiète-t-elle ?", kind, ["Oui", "Non", "Un peu"]))).PollId;
        if (open)
        {
            Ok(Session.OpenPoll(Facilitator, poll));
        }
        Session.TakeChanges();
        return poll;
    }

    public PollView Poll(string pollId, string viewer) =>
        Ok(Session.Snapshot(viewer)).Polls.Single(p => p.Id == pollId);

    public QuestionView Question(string questionId, string viewer) =>
        Ok(Session.Snapshot(viewer)).Questions.Single(q => q.Id == questionId);
}
