using System.Diagnostics;
using System.Threading.Channels;
using CafeIA.Grains;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Receives a session's changes from its grain and sends them in seq order: to each role group
/// the batch of events that group may see (possibly empty: every screen sees every seq), then
/// personal events to their participant's own group. Orleans may deliver two one-way observer
/// calls out of order, so a batch that arrives early waits for the missing one, briefly: if it
/// never comes (lost with a failed silo), the early ones go out and screens resync on the gap.
/// <para>
/// Sends are paced (<see cref="FanoutOptions"/>): after a quiet moment a change goes out at once;
/// under a storm of commits, what arrives meanwhile goes out as one merged batch (seqs From..Seq).
/// The staff and the projector get a batch at most every MinSendInterval; the participants'
/// group, which may hold thousands of screens, also within its message budget.
/// </para>
/// </summary>
internal sealed class SessionChangeForwarder : ISessionObserver
{
    private static readonly Audience[] FewScreens = [Audience.Staff, Audience.Projector];
    private static readonly TimeSpan GapPatience = TimeSpan.FromMilliseconds(250);
    private readonly SortedDictionary<long, SessionChanges> _early = [];
    private long _next;
    private long _gapSince;
    /// <summary>Arrived batches (<see cref="SessionChanges"/>) and catch-up requests (<see cref="CatchUpRequest"/>), in order.</summary>
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new() { SingleReader = true });
    private const int Retained = 256;
    private readonly Queue<SessionChanges> _recent = new();
    private long _sentToStaff;
    private long _sentToParticipants;
    private readonly Guid _sessionId;
    private readonly IHubClients _clients;
    private readonly ConnectionRegistry _connections;
    private readonly TimeSpan _minSendInterval;
    private readonly MessageBudget _participantsBudget;
    private readonly List<SessionChanges> _forStaff = [];
    private readonly List<SessionChanges> _forParticipants = [];
    private long _staffSentAt;
    private long _participantsSentAt;

    private readonly Action<Guid> _joinedProgramme;

    /// <param name="joinedProgramme">Called when the session joins a national programme.</param>
    public SessionChangeForwarder(Guid sessionId, IHubClients clients, ConnectionRegistry connections, FanoutOptions pacing, Action<Guid> joinedProgramme)
    {
        (_sessionId, _clients, _connections, _joinedProgramme) = (sessionId, clients, connections, joinedProgramme);
        (_minSendInterval, _participantsBudget) = (pacing.MinSendInterval, new MessageBudget(pacing.ParticipantMessagesPerSecond));
        _ = Task.Run(PumpAsync);
    }

    /// <summary>Connections of this session on this gateway (kept by <see cref="SessionFanout"/>).</summary>
    public int Screens { get; set; }

    public Task OnChanges(Guid sessionId, SessionChanges changes)
    {
        _queue.Writer.TryWrite(changes);
        return Task.CompletedTask;
    }

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// A screen just joined with a snapshot at <paramref name="afterSeq"/> and entered its groups:
    /// batches after that seq already sent to its group are sent to it alone, in order with what
    /// follows. False when they are no longer retained: the screen then needs a fresh snapshot.
    /// </summary>
    public Task<bool> CatchUp(string connectionId, Audience group, string participantId, long afterSeq)
    {
        var request = new CatchUpRequest(connectionId, group, participantId, afterSeq);
        return _queue.Writer.TryWrite(request) ? request.Done.Task : Task.FromResult(false);
    }

    private sealed record CatchUpRequest(string ConnectionId, Audience Group, string ParticipantId, long AfterSeq)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            try
            {
                using var wake = NextWake() is { } due ? new CancellationTokenSource(due) : null;
                var item = await _queue.Reader.ReadAsync(wake?.Token ?? CancellationToken.None);
                if (item is CatchUpRequest request)
                {
                    TakeReady();
                    request.Done.TrySetResult(await Send(request));
                    continue;
                }
                Place((SessionChanges)item);
            }
            catch (OperationCanceledException)
            {
                // Time to send, or to stop waiting for a missing batch.
            }
            catch (ChannelClosedException)
            {
                return;
            }
            TakeReady();
            if (_forStaff.Count > 0 && Elapsed(_staffSentAt) >= _minSendInterval)
            {
                _staffSentAt = Stopwatch.GetTimestamp();
                _sentToStaff = _forStaff[^1].Seq;
                await Send(SessionChanges.Merge(_forStaff), FewScreens, personal: true);
                _forStaff.Clear();
            }
            if (_forParticipants.Count > 0 && ParticipantsDue() <= TimeSpan.Zero)
            {
                _participantsSentAt = Stopwatch.GetTimestamp();
                _participantsBudget.Spend(Screens);
                _sentToParticipants = _forParticipants[^1].Seq;
                await Send(SessionChanges.Merge(_forParticipants), [Audience.Participants], personal: false);
                _forParticipants.Clear();
            }
        }
    }

    /// <summary>When the pump must wake without a new arrival: a send is due, or a missing batch waited long enough.</summary>
    private TimeSpan? NextWake()
    {
        TimeSpan? due = null;
        void Consider(TimeSpan at) => due = due is { } d && d < at ? d : at;
        if (_forStaff.Count > 0)
        {
            Consider(_minSendInterval - Elapsed(_staffSentAt));
        }
        if (_forParticipants.Count > 0)
        {
            Consider(ParticipantsDue());
        }
        if (_early.Count > 0)
        {
            Consider(_gapSince == 0 ? GapPatience : GapPatience - Elapsed(_gapSince));
        }
        return due is { } wait ? (wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1)) : null;
    }

    /// <summary>Moves everything arrived that follows what was taken, in order, to the send lists.</summary>
    private void TakeReady()
    {
        while (_queue.Reader.TryPeek(out var more) && more is SessionChanges changes)
        {
            _queue.Reader.TryRead(out _);
            Place(changes);
        }
        if (_early.Count > 0 && !_early.ContainsKey(_next) && _gapSince != 0 && Elapsed(_gapSince) >= GapPatience)
        {
            // The missing batch is lost: send what we have; screens see the gap and resync.
            _next = _early.Keys.First();
        }
        while (_early.Remove(_next, out var changes))
        {
            foreach (var joined in changes.Deliveries.Select(d => d.Event).OfType<ProgrammeJoined>())
            {
                _joinedProgramme(Guid.Parse(joined.ProgrammeId));
            }
            _forStaff.Add(changes);
            _forParticipants.Add(changes);
            _recent.Enqueue(changes);
            if (_recent.Count > Retained)
            {
                _recent.Dequeue();
            }
            _next = changes.Seq + 1;
        }
        _gapSince = _early.Count > 0 ? (_gapSince == 0 ? Stopwatch.GetTimestamp() : _gapSince) : 0;
    }

    private void Place(SessionChanges arrived)
    {
        var from = arrived.From ?? arrived.Seq;
        if (_next == 0)
        {
            _next = from;
        }
        if (from >= _next)
        {
            _early[from] = arrived;
        }
        // Otherwise already sent.
    }

    private TimeSpan ParticipantsDue()
    {
        var interval = _minSendInterval - Elapsed(_participantsSentAt);
        var budget = _participantsBudget.WaitFor(Screens);
        return interval > budget ? interval : budget;
    }

    /// <summary>Replays to one new screen what its group received after its snapshot.</summary>
    private async Task<bool> Send(CatchUpRequest request)
    {
        var sent = request.Group == Audience.Participants ? _sentToParticipants : _sentToStaff;
        if (sent <= request.AfterSeq)
        {
            return true;
        }
        var missed = _recent.Where(c => c.Seq > request.AfterSeq && c.Seq <= sent).ToList();
        if (missed.Count == 0 || (missed[0].From ?? missed[0].Seq) > request.AfterSeq + 1)
        {
            return false;
        }
        var changes = SessionChanges.Merge(missed);
        try
        {
            var client = _clients.Client(request.ConnectionId);
            await client.SendAsync(SessionFanout.ChangesEvent, changes.For(request.Group));
            foreach (var (participantId, batch) in changes.Personal().Where(p => p.ParticipantId == request.ParticipantId))
            {
                await client.SendAsync(SessionFanout.PersonalEvent, batch);
            }
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static TimeSpan Elapsed(long since) => since == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(since);

    private async Task Send(SessionChanges changes, Audience[] groups, bool personal)
    {
        try
        {
            foreach (var group in groups)
            {
                await _clients.Group(SessionFanout.GroupName(_sessionId, group)).SendAsync(SessionFanout.ChangesEvent, changes.For(group));
            }
            if (changes.CommittedAt != default)
            {
                CafeMetrics.FanoutLatency.Record((DateTimeOffset.UtcNow - changes.CommittedAt).TotalMilliseconds);
            }
            if (!personal)
            {
                return;
            }
            foreach (var (participantId, batch) in changes.Personal())
            {
                await _clients.Group(SessionFanout.PersonalGroupName(_sessionId, participantId)).SendAsync(SessionFanout.PersonalEvent, batch);
                if (batch.Events.OfType<RoleRevoked>().Any())
                {
                    _connections.Abort(_sessionId, participantId);
                }
            }
        }
        catch (Exception)
        {
            // A failed group send concerns connections already gone; clients that miss a
            // batch see the seq gap on the next one and fetch a snapshot.
        }
    }
}
