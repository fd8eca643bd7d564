using CafeIA.Gateway.Fanout;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// The real-time protocol (docs/PROTOCOL.md). After JoinSession the connection is bound to one
/// session and one participant; every later call acts as that participant. Roles are checked here
/// and again by the session itself. Refusals complete the call with a result { refused: { code, message } } (RefusalFilter).
/// </summary>
public sealed partial class CafeHub(JoinCodes joinCodes, SessionFanout fanout, ProgrammeFanout programmes, ConnectionRegistry connections,
    Microsoft.Extensions.Options.IOptions<ReactionOptions> reactionOptions) : Hub<ICafeScreen>
{
    public async Task<JoinResult> JoinSession(string? joinCode, JoinOptions? options)
    {
        if (ConnectionBinding.Of(Context) is not null)
        {
            throw Refused.With(RefusalCodes.Invalid, "This connection has already joined a session.");
        }
        var code = JoinCode.Normalize(joinCode)
            ?? throw Refused.With(RefusalCodes.Invalid, "A join code has 6 letters and digits.");
        var (sessionId, session) = await joinCodes.SessionOf(code)
            ?? throw Refused.With(RefusalCodes.NotFound, "No session has this join code.");

        await fanout.Acquire(sessionId);
        options ??= new JoinOptions();
        JoinResult joined;
        try
        {
            var outcome = await session.Join(options);
            if (outcome.Refusal?.Code == RefusalCodes.NotFound)
            {
                // Deleted since this gateway learnt its code; the code may name a new session by now.
                joinCodes.Forget(code);
                throw Refused.With(RefusalCodes.NotFound, "No session has this join code.");
            }
            joined = Refused.Unwrap(outcome);
        }
        catch
        {
            fanout.Release(sessionId);
            throw;
        }
        // Bound from here on: OnDisconnectedAsync releases what this join took.
        var me = new ConnectionBinding(sessionId, joined.ParticipantId, joined.Role,
            joined.Role == Role.Facilitator ? options.Key : null, joined.Snapshot.Me?.Mode ?? options.Mode) { Session = session };
        fanout.ReactionsOf(sessionId)?.Learn(joined.Snapshot);
        ConnectionBinding.Bind(Context, me);
        connections.Add(sessionId, me.ParticipantId, Context);
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, SessionFanout.GroupName(sessionId, me.Group));
            // The role (hence the group) is known only once joined: what the group was sent between
            // the snapshot and entering it is replayed to this connection; if the gateway no longer
            // holds it, a fresh snapshot.
            if (!await fanout.CatchUp(sessionId, Context.ConnectionId, me.Group, me.ParticipantId, joined.Snapshot.Seq))
            {
                joined = joined with { Snapshot = Refused.Unwrap(await session.GetSnapshot(me.ParticipantId)) };
            }
        }
        catch
        {
            // Refused (unavailable, say) after binding: unbind, so that the page's retry on this
            // connection joins afresh instead of being told it already joined.
            ConnectionBinding.Unbind(Context);
            try
            {
                await Leave(me);
            }
            catch (Exception)
            {
                // The session may be the thing that fails: its presence count resets when it reloads.
            }
            throw;
        }
        // The national tally is a bonus of the join: it comes again within a second anyway.
        if (joined.Snapshot.ProgrammeId is { } programme && await programmes.Current(Guid.Parse(programme)) is { } national)
        {
            await Clients.Caller.Programme(national, Context.ConnectionAborted);
        }
        return joined;
    }

    public async Task<SessionSnapshot> GetSnapshot()
    {
        var me = Bound();
        return Refused.Unwrap(await Session(me).GetSnapshot(me.ParticipantId));
    }

    public async Task StartSession(OperationRequest? request) => await Facilitate((s, me) => s.SetPhase(me.ParticipantId, SessionPhase.Live));

    public async Task EndSession(OperationRequest? request) => await Facilitate((s, me) => s.SetPhase(me.ParticipantId, SessionPhase.Ended));

    /// <summary>
    /// Binding failures (unknown method, arguments of the wrong shape) are rerouted here by
    /// <see cref="StrictJsonHubProtocol"/> so that they, too, are refused with a stable code.
    /// </summary>
    [HubMethodName(StrictJsonHubProtocol.MalformedTarget)]
    public Task Malformed(string? target) =>
        throw Refused.With(RefusalCodes.Invalid, $"'{Shorten(target)}' is not a method of this hub, or its arguments do not match docs/PROTOCOL.md.");

    private static string Shorten(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>Deletes the session and all its data, for good.</summary>
    public async Task DeleteSession(OperationRequest? request) => await Facilitate((s, me) => s.Delete(me.ParticipantId));

    public async Task SetModeration(ModerationSettings? request) =>
        await Facilitate((s, me) => s.SetModeration(me.ParticipantId, request ?? new ModerationSettings(false)));

    public async Task SetVideo(VideoRequest? request) => await Facilitate((s, me) => s.SetVideo(me.ParticipantId, request?.Url));

    /// <summary>Lists the café on the public map (docs/PROTOCOL.md, "Map of cafés").</summary>
    public async Task PublishCafe(CafeListingRequest? request) =>
        await Facilitate((s, me) => s.PublishToMap(me.ParticipantId, request ?? new CafeListingRequest(null, null)));

    public async Task UnpublishCafe(OperationRequest? request) => await Facilitate((s, me) => s.UnpublishFromMap(me.ParticipantId));

    /// <summary>Enrols the café in a national programme (its id and invitation key come from the organiser).</summary>
    public async Task JoinProgramme(JoinProgrammeRequest? request) =>
        await Facilitate((s, me) => Guid.TryParse(request?.ProgrammeId, out var programme)
            ? s.JoinProgramme(me.ParticipantId, programme, request?.InviteKey)
            : Task.FromResult(Outcome<Done>.Refuse(new Refusal(RefusalCodes.Invalid, "A programme id is a GUID."))));

    /// <summary>Makes the session report readable by anyone with the join code, or private again.</summary>
    public async Task PublishReport(ReportVisibility? request) =>
        await Facilitate((s, me) => s.SetReportPublic(me.ParticipantId, request?.Public ?? true));

    /// <summary>The report's conclusion, "ce que nous retenons" (docs/PROTOCOL.md, "Session report").</summary>
    public async Task SetConclusion(ConclusionRequest? request) =>
        await Facilitate((s, me) => s.SetConclusion(me.ParticipantId, request ?? new ConclusionRequest(null)));

    public async Task<ModeratorLinkView> CreateModeratorLink(CreateModeratorLinkRequest? request) =>
        await Facilitate((s, me) => s.CreateModeratorLink(me.ParticipantId, me.FacilitatorKey, request?.Label));

    public async Task RevokeModeratorLink(ModeratorLinkRef? request) =>
        await Facilitate((s, me) => s.RevokeModeratorLink(me.ParticipantId, request?.LinkId));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (ConnectionBinding.Of(Context) is { } me)
        {
            await Leave(me);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Releases what a join took: the registry entry, the fan-out, the attendance.</summary>
    private async Task Leave(ConnectionBinding me)
    {
        connections.Remove(me.SessionId, me.ParticipantId, Context.ConnectionId);
        fanout.Left(me.SessionId, Context.ConnectionId);
        fanout.Release(me.SessionId);
        await Session(me).Disconnected(me.ParticipantId);
    }

    private static ISessionGrain Session(ConnectionBinding me) => me.Session!;

    private ConnectionBinding Bound() =>
        ConnectionBinding.Of(Context) ?? throw Refused.With(RefusalCodes.Forbidden, "Join a session first.");

    private ConnectionBinding Contributor()
    {
        var me = Bound();
        return me.Role switch
        {
            Role.Projector => throw Refused.With(RefusalCodes.Forbidden, "The projector screen only shows the session."),
            Role.Kiosk => throw Refused.With(RefusalCodes.Forbidden, "A kiosk takes turns with KioskVote."),
            _ => me,
        };
    }

    private async Task<T> Contribute<T>(Func<ISessionGrain, ConnectionBinding, Task<Outcome<T>>> command)
    {
        var me = Contributor();
        return Refused.Unwrap(await command(Session(me), me));
    }

    private async Task<T> Facilitate<T>(Func<ISessionGrain, ConnectionBinding, Task<Outcome<T>>> command)
    {
        var me = Bound();
        if (me.Role != Role.Facilitator)
        {
            throw Refused.With(RefusalCodes.Forbidden, "Only the facilitator can do this.");
        }
        return Refused.Unwrap(await command(Session(me), me));
    }

    private async Task<T> Moderate<T>(Func<ISessionGrain, ConnectionBinding, Task<Outcome<T>>> command)
    {
        var me = Bound();
        if (!me.IsStaff)
        {
            throw Refused.With(RefusalCodes.Forbidden, "Only the facilitator and the moderators can do this.");
        }
        return Refused.Unwrap(await command(Session(me), me));
    }
}
