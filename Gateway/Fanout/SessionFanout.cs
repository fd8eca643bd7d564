using CafeIA.Grains.Abstractions;
using CafeIA.Gateway.Hubs;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// One subscription per session this gateway serves, shared by all its local connections
/// (ref-counted), so grain-to-gateway traffic grows with gateways, not with attendees.
/// Each batch goes to the session's SignalR group as the event "changes".
/// </summary>
public sealed partial class SessionFanout(
    IGrainFactory grains, IScreenSender screens, ConnectionRegistry connections, ProgrammeFanout programmes,
    Microsoft.Extensions.Options.IOptions<FanoutOptions> options, ILogger<SessionFanout> log, ILoggerFactory logs)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Subscription> _subscriptions = [];

    public static string GroupName(Guid sessionId, Audience group) => $"session:{sessionId:N}:{group}";

    /// <summary>One slice of a large participants' group (<see cref="FanoutOptions.Slices"/>).</summary>
    public static string SliceGroupName(Guid sessionId, int slice) => $"session:{sessionId:N}:s:{slice}";

    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public async Task Acquire(Guid sessionId)
    {
        Subscription subscription;
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(sessionId, out subscription!))
            {
                subscription = Subscribe(sessionId);
                _subscriptions.Add(sessionId, subscription);
            }
            subscription.Forwarder.Screens = ++subscription.References;
        }
        try
        {
            await subscription.Ready;
        }
        catch
        {
            Release(sessionId);
            throw;
        }
    }

    /// <summary>A joined connection of this session left: then <see cref="Release"/>.</summary>
    public void Left(Guid sessionId, string connectionId)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(sessionId, out var subscription))
            {
                subscription.Forwarder.Left(connectionId);
            }
        }
    }

    public void Release(Guid sessionId)
    {
        Subscription? ended = null;
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(sessionId, out var subscription) && (subscription.Forwarder.Screens = --subscription.References) == 0)
            {
                _subscriptions.Remove(sessionId);
                ended = subscription;
            }
        }
        if (ended is not null)
        {
            _ = EndAsync(sessionId, ended);
        }
    }

    /// <summary>
    /// Sends a screen that just joined (with a snapshot at <paramref name="afterSeq"/>) what its
    /// group was sent since; false if the gateway no longer has it (then it needs a snapshot).
    /// </summary>
    public Task<bool> CatchUp(Guid sessionId, string connectionId, Audience group, string participantId, long afterSeq)
    {
        lock (_gate)
        {
            return _subscriptions.TryGetValue(sessionId, out var subscription)
                ? subscription.Forwarder.CatchUp(connectionId, group, participantId, afterSeq)
                : Task.FromResult(false);
        }
    }

    /// <summary>The live reactions of a session this gateway serves (null when it serves none of its screens).</summary>
    public SessionReactions? ReactionsOf(Guid sessionId)
    {
        lock (_gate)
        {
            return _subscriptions.TryGetValue(sessionId, out var subscription) ? subscription.Reactions : null;
        }
    }

    /// <summary>Each served session's reactions since the last take, as one tally per session (for <see cref="ReactionFlusher"/>).</summary>
    public List<(Guid SessionId, ReactionTally Tally)> TakeReactions()
    {
        List<(Guid, ReactionTally)> tallies = [];
        lock (_gate)
        {
            foreach (var (sessionId, subscription) in _subscriptions)
            {
                if (subscription.Reactions.Take() is { } tally)
                {
                    tallies.Add((sessionId, tally));
                }
            }
        }
        return tallies;
    }

    /// <summary>Renews every subscription; also re-creates it on a session grain that was reactivated.</summary>
    public async Task RenewAll(CancellationToken cancellationToken)
    {
        KeyValuePair<Guid, Subscription>[] current;
        lock (_gate)
        {
            current = [.. _subscriptions];
        }
        foreach (var (sessionId, subscription) in current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var activation = await grains.GetGrain<ISessionGrain>(sessionId).Subscribe(subscription.Reference);
                if (subscription.Renewed(activation))
                {
                    // The session was reactivated (a silo failed, say): changes published in the
                    // meantime never reached this gateway. Its screens fetch a fresh snapshot.
                    await screens.Groups(AllGroups(sessionId)).Resync(cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRenewFailed(log, ex, sessionId);
            }
        }
    }

    private Subscription Subscribe(Guid sessionId)
    {
        var reactions = new SessionReactions();
        SessionChangeForwarder? forwarder = null;
        forwarder = new SessionChangeForwarder(sessionId, screens, connections, options.Value,
            programme => _ = programmes.Attach(programme, sessionId, forwarder!), logs.CreateLogger<SessionChangeForwarder>(), reactions);
        // Orleans holds observer objects weakly: the subscription keeps the forwarder alive.
        var reference = grains.CreateObjectReference<ISessionObserver>(forwarder);
        var subscription = new Subscription(forwarder, reference, reactions);
        subscription.Ready = SubscribeFirst(sessionId, grains.GetGrain<ISessionGrain>(sessionId), subscription);
        return subscription;
    }

    private async Task SubscribeFirst(Guid sessionId, ISessionGrain session, Subscription subscription)
    {
        subscription.Renewed(await session.Subscribe(subscription.Reference));
        if (await session.GetProgrammeId() is { } programme)
        {
            await programmes.Attach(programme, sessionId, subscription.Forwarder);
        }
    }

    private static string[] AllGroups(Guid sessionId) =>
        [GroupName(sessionId, Audience.Participants), GroupName(sessionId, Audience.Staff), GroupName(sessionId, Audience.Projector)];

    private async Task EndAsync(Guid sessionId, Subscription subscription)
    {
        try
        {
            // The last screen left: its session still gets the reactions counted since the last flush.
            if (subscription.Reactions.Take() is { } tally)
            {
                await grains.GetGrain<ISessionGrain>(sessionId).AddReactions(tally);
            }
            await grains.GetGrain<ISessionGrain>(sessionId).Unsubscribe(subscription.Reference);
        }
        catch (Exception ex)
        {
            LogRenewFailed(log, ex, sessionId);
        }
        finally
        {
            grains.DeleteObjectReference<ISessionObserver>(subscription.Reference);
            subscription.Forwarder.Complete();
            programmes.Detach(sessionId, subscription.Forwarder);
            await subscription.Forwarder.Completion;
        }
    }

    private sealed class Subscription(SessionChangeForwarder forwarder, ISessionObserver reference, SessionReactions reactions)
    {
        private Guid _activation;

        public SessionReactions Reactions { get; } = reactions;

        public SessionChangeForwarder Forwarder { get; } = forwarder;
        public ISessionObserver Reference { get; } = reference;
        public Task Ready { get; set; } = Task.CompletedTask;
        public int References { get; set; }

        /// <summary>Records the session's activation; true if it is a new one since the last renewal.</summary>
        public bool Renewed(Guid activation)
        {
            var changed = _activation != Guid.Empty && _activation != activation;
            _activation = activation;
            return changed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription to session {SessionId} could not be renewed or ended")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, Guid sessionId);
}
