using CafeIA.Gateway.Fanout;
using CafeIA.Grains;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// The real-time protocol (docs/PROTOCOL.md). After JoinSession the connection is bound to one
/// session and one participant; every later call acts as that participant. Roles are checked here
/// and again by the session itself. Refusals surface as HubException("code: sentence").
/// </summary>
public sealed class CafeHub(IGrainFactory grains, SessionFanout fanout) : Hub
{
    public async Task<JoinResult> JoinSession(string? joinCode, JoinOptions? options)
    {
        if (ConnectionBinding.Of(Context) is not null)
        {
            throw Refused.With(RefusalCodes.Invalid, "This connection has already joined a session.");
        }
        var code = JoinCode.Normalize(joinCode)
            ?? throw Refused.With(RefusalCodes.Invalid, "A join code has 6 letters and digits.");
        var sessionId = await grains.GetGrain<IJoinCodeGrain>(code).GetSessionId()
            ?? throw Refused.With(RefusalCodes.NotFound, "No session has this join code.");

        // Subscribe and enter the group before the snapshot is taken, so no change made after the
        // snapshot can be missed; changes from before it are dropped by the client (seq ≤ snapshot).
        await fanout.Acquire(sessionId);
        var group = SessionFanout.GroupName(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        try
        {
            var joined = Refused.Unwrap(await grains.GetGrain<ISessionGrain>(sessionId).Join(options ?? new JoinOptions()));
            ConnectionBinding.Bind(Context, new ConnectionBinding(sessionId, joined.ParticipantId, joined.Role));
            return joined;
        }
        catch
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            fanout.Release(sessionId);
            throw;
        }
    }

    public async Task<SessionSnapshot> GetSnapshot()
    {
        var me = Bound();
        return Refused.Unwrap(await Session(me).GetSnapshot(me.ParticipantId));
    }

    public async Task StartSession() => await Facilitate((s, me) => s.SetPhase(me, SessionPhase.Live));

    public async Task EndSession() => await Facilitate((s, me) => s.SetPhase(me, SessionPhase.Ended));

    public async Task<QuestionCreated> AskQuestion(AskQuestionRequest? request)
    {
        var me = Contributor();
        return Refused.Unwrap(await Session(me).Ask(me.ParticipantId, request ?? new AskQuestionRequest(null)));
    }

    public async Task Upvote(QuestionRef? request)
    {
        var me = Contributor();
        Refused.Unwrap(await Session(me).Upvote(me.ParticipantId, request?.QuestionId));
    }

    public async Task RemoveUpvote(QuestionRef? request)
    {
        var me = Contributor();
        Refused.Unwrap(await Session(me).RemoveUpvote(me.ParticipantId, request?.QuestionId));
    }

    public async Task WithdrawQuestion(QuestionRef? request)
    {
        var me = Contributor();
        Refused.Unwrap(await Session(me).WithdrawQuestion(me.ParticipantId, request?.QuestionId));
    }

    public async Task<PollCreated> CreatePoll(CreatePollRequest? request) =>
        await Facilitate((s, me) => s.CreatePoll(me, request ?? new CreatePollRequest(null, PollKind.Single, null)));

    public async Task OpenPoll(PollRef? request) => await Facilitate((s, me) => s.OpenPoll(me, request?.PollId));

    public async Task ClosePoll(PollRef? request) => await Facilitate((s, me) => s.ClosePoll(me, request?.PollId));

    public async Task Vote(VoteRequest? request)
    {
        var me = Contributor();
        Refused.Unwrap(await Session(me).Vote(me.ParticipantId, request ?? new VoteRequest(null, null)));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (ConnectionBinding.Of(Context) is { } me)
        {
            fanout.Release(me.SessionId);
            await Session(me).Disconnected(me.ParticipantId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private ISessionGrain Session(ConnectionBinding me) => grains.GetGrain<ISessionGrain>(me.SessionId);

    private ConnectionBinding Bound() =>
        ConnectionBinding.Of(Context) ?? throw Refused.With(RefusalCodes.Forbidden, "Join a session first.");

    private ConnectionBinding Contributor()
    {
        var me = Bound();
        return me.Role == Role.Projector
            ? throw Refused.With(RefusalCodes.Forbidden, "The projector screen only shows the session.")
            : me;
    }

    private async Task<T> Facilitate<T>(Func<ISessionGrain, string, Task<Outcome<T>>> command)
    {
        var me = Bound();
        if (me.Role != Role.Facilitator)
        {
            throw Refused.With(RefusalCodes.Forbidden, "Only the facilitator can do this.");
        }
        return Refused.Unwrap(await command(Session(me), me.ParticipantId));
    }
}
