using System.Diagnostics;
using System.Threading.Channels;
using CafeIA.Grains;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Receives a session's changes from its grain and sends them in seq order: to each role group
/// the batch of events that group may see, then personal events to their participant's connections.
/// The staff and the projector see every seq (a batch may be empty). The participants' group,
/// which may hold thousands of phones, is not sent seqs that carry nothing for it while the
/// session is busy: they go out merged into its next batch (whose From covers them), or once the
/// session has been quiet for <see cref="QuietDelay"/>. A vote storm on a poll whose results are
/// private then costs the phones nothing. Under a storm, a send to many participants goes out
/// slice by slice (<see cref="FanoutOptions.SliceAbove"/>), so commands are served in between.
/// Orleans may deliver two one-way observer calls out of order, so a batch that arrives early waits for the missing one, briefly: if it
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
    private static readonly TimeSpan QuietDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one send may wait on screens that do not read (SignalR's backpressure). The pump
    /// serves the whole session: a stuck phone must not hold every other screen and every join.
    /// SignalR closes a connection whose write was abandoned; that screen reconnects and resyncs.
    /// </summary>
    private static readonly TimeSpan SendPatience = TimeSpan.FromSeconds(5);
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
    /// <summary>Messages to the participants' screens: holds one second's worth (a send to more screens waits for a full bucket).</summary>
    private readonly TokenBucket _participantsBudget;
    private readonly IGroupManager _groups;
    private readonly int _sliceAbove;
    /// <summary>The slice groups' names, made once.</summary>
    private readonly string[] _sliceGroups;
    private readonly int _screensPerSlice;
    private readonly TimeSpan _slicePause;
    /// <summary>This gateway's connections in the session's participants' group (touched by the pump only).</summary>
    private readonly HashSet<string> _participantScreens = [];
    /// <summary>Once the group is large, every participant screen is also dealt into a slice group, in turn.</summary>
    private bool _dealt;
    private int _nextSlice;
    private readonly List<SessionChanges> _forStaff = [];
    private readonly List<SessionChanges> _forParticipants = [];
    private long _staffSentAt;
    private long _participantsSentAt;
    private bool _participantsHaveNews;
    private long _lastArrivalAt;

    private readonly Action<Guid> _joinedProgramme;
    private readonly SessionReactions? _reactions;
    private readonly string[] _reactionGroups;

    /// <param name="joinedProgramme">Called when the session joins a national programme.</param>
    /// <param name="reactions">Learns the session's reaction setting from the batches as they arrive.</param>
    public SessionChangeForwarder(Guid sessionId, IHubClients clients, IGroupManager groups, ConnectionRegistry connections, FanoutOptions pacing, Action<Guid> joinedProgramme,
        SessionReactions? reactions = null)
    {
        (_sessionId, _clients, _groups, _connections, _joinedProgramme, _reactions) = (sessionId, clients, groups, connections, joinedProgramme, reactions);
        _reactionGroups = [.. FewScreens.Select(g => SessionFanout.GroupName(sessionId, g))];
        (_minSendInterval, _participantsBudget) = (pacing.MinSendInterval, new TokenBucket(Math.Max(1, pacing.ParticipantMessagesPerSecond), Math.Max(1, pacing.ParticipantMessagesPerSecond)));
        (_sliceAbove, _screensPerSlice, _slicePause) = (pacing.SliceAbove, Math.Max(1, pacing.ScreensPerSlice), pacing.SlicePause);
        _sliceGroups = [.. Enumerable.Range(0, Math.Max(1, pacing.Slices)).Select(k => SessionFanout.SliceGroupName(sessionId, k))];
        _ = Task.Run(PumpAsync);
    }

    /// <summary>Connections of this session on this gateway (kept by <see cref="SessionFanout"/>).</summary>
    public int Screens { get; set; }

    public Task OnChanges(Guid sessionId, SessionChanges changes)
    {
        // At arrival, not in seq order: the setting carries its seq, so a late batch changes nothing.
        _reactions?.Learn(changes);
        _queue.Writer.TryWrite(changes);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A burst of reactions goes straight to this gateway's staff and projector screens, outside
    /// the pump: it has no seq to keep in order, and must not wait behind a storm's sliced sends.
    /// Participants' phones never receive it.
    /// </summary>
    public Task OnReactions(Guid sessionId, ReactionBurst burst)
    {
        _ = SendReactions(burst);
        return Task.CompletedTask;
    }

    private async Task SendReactions(ReactionBurst burst)
    {
        try
        {
            using var patience = new CancellationTokenSource(SendPatience);
            await _clients.Groups(_reactionGroups).SendAsync(SessionFanout.ReactionsEvent, burst, patience.Token);
        }
        catch (Exception)
        {
            // A burst is a moment's animation: a screen that misses one misses nothing it must resync.
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>A connection of this session left this gateway.</summary>
    public void Left(string connectionId) => _queue.Writer.TryWrite(new ScreenLeft(connectionId));

    private sealed record ScreenLeft(string ConnectionId);

    /// <summary>
    /// A screen just joined with a snapshot at <paramref name="afterSeq"/> and entered its groups:
    /// batches after that seq already sent to its group are sent to it alone, in order with what
    /// follows. False when they are no longer retained: the screen then needs a fresh snapshot.
    /// From then on a participant's screen is also in the slices of sends under a storm.
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
                if (!await Handle(item))
                {
                    continue;
                }
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
            await SendToStaffIfDue();
            if (_forParticipants.Count > 0 && ParticipantsDue() <= TimeSpan.Zero)
            {
                // A storm: commits came faster than the pacing lets sends go, and several wait for this one.
                var storm = _forParticipants.Count > 1;
                _participantsSentAt = Stopwatch.GetTimestamp();
                _participantsBudget.Spend(Screens);
                _sentToParticipants = _forParticipants[^1].Seq;
                var merged = SessionChanges.Merge(_forParticipants);
                _forParticipants.Clear();
                _participantsHaveNews = false;
                if (storm && _dealt)
                {
                    await SendInSlices(merged.For(Audience.Participants));
                }
                else
                {
                    await Send(merged, [Audience.Participants], personal: false);
                }
            }
        }
    }

    /// <summary>The staff and the projector (a few screens): what waits for them, at most every MinSendInterval.</summary>
    private async Task SendToStaffIfDue()
    {
        if (_forStaff.Count > 0 && Elapsed(_staffSentAt) >= _minSendInterval)
        {
            _staffSentAt = Stopwatch.GetTimestamp();
            _sentToStaff = _forStaff[^1].Seq;
            var merged = SessionChanges.Merge(_forStaff);
            _forStaff.Clear();
            await Send(merged, FewScreens, personal: true);
        }
    }

    /// <summary>
    /// One arrival: a batch is placed in order (true: the pump then looks at what can be sent);
    /// a joining screen is caught up and a leaving one forgotten at once (false).
    /// </summary>
    private async Task<bool> Handle(object item)
    {
        switch (item)
        {
            case CatchUpRequest request:
                TakeReady();
                if (request.Group == Audience.Participants && _participantScreens.Add(request.ConnectionId))
                {
                    await DealIfLarge(request.ConnectionId);
                }
                request.Done.TrySetResult(await Send(request));
                return false;
            case ScreenLeft left:
                _participantScreens.Remove(left.ConnectionId);
                return false;
            default:
                Place((SessionChanges)item);
                return true;
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
            _participantsHaveNews |= changes.Deliveries.Any(d => (d.To & Audience.Participants) != 0);
            _lastArrivalAt = Stopwatch.GetTimestamp();
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
        var due = interval > budget ? interval : budget;
        var quiet = QuietDelay - Elapsed(_lastArrivalAt);
        return _participantsHaveNews || quiet <= due ? due : quiet;
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
            using var patience = new CancellationTokenSource(SendPatience);
            await client.SendAsync(SessionFanout.ChangesEvent, changes.For(request.Group), patience.Token);
            foreach (var (participantId, batch) in changes.Personal().Where(p => p.ParticipantId == request.ParticipantId))
            {
                await client.SendAsync(SessionFanout.PersonalEvent, batch, patience.Token);
            }
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// One batch to the participants' screens, slice by slice with a pause after each: a slice's
    /// writes queue behind what arrived before them, and what arrives during the pause (a vote,
    /// its acknowledgement) goes ahead of the next slice.
    /// </summary>
    private async Task SendInSlices(ChangeBatch batch)
    {
        // About ScreensPerSlice screens a step: several of the slice groups at once when the group is smaller.
        var steps = Math.Clamp((_participantScreens.Count + _screensPerSlice - 1) / _screensPerSlice, 1, _sliceGroups.Length);
        foreach (var groups in _sliceGroups.Chunk((_sliceGroups.Length + steps - 1) / steps))
        {
            try
            {
                using var patience = new CancellationTokenSource(SendPatience);
                await _clients.Groups(groups).SendAsync(SessionFanout.ChangesEvent, batch, patience.Token);
            }
            catch (Exception)
            {
                // As for a whole-group send: a screen that missed it sees the gap on the next batch.
            }
            await ServeFor(_slicePause);
        }
    }

    /// <summary>
    /// The pause between two slices: arrivals are handled meanwhile (a joining screen is not kept
    /// waiting for the whole send), and the staff and the projector get what is due for them;
    /// the participants' next batch waits for the next send.
    /// </summary>
    private async Task ServeFor(TimeSpan pause)
    {
        var until = Stopwatch.GetTimestamp() + (long)(pause.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() is var now && now < until)
        {
            using var timeout = new CancellationTokenSource(Stopwatch.GetElapsedTime(now, until));
            try
            {
                await Handle(await _queue.Reader.ReadAsync(timeout.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                break;
            }
        }
        TakeReady();
        await SendToStaffIfDue();
    }

    /// <summary>Once the participants' group is large enough to be sliced, deals every screen (then each newcomer) into the slices.</summary>
    private async Task DealIfLarge(string connectionId)
    {
        if (_dealt)
        {
            await Deal(connectionId);
        }
        else if (_participantScreens.Count > _sliceAbove)
        {
            _dealt = true;
            foreach (var screen in _participantScreens)
            {
                await Deal(screen);
            }
        }
    }

    /// <summary>Puts a participant's screen in the next slice group (SignalR drops it from its groups when it disconnects).</summary>
    private async Task Deal(string connectionId)
    {
        try
        {
            await _groups.AddToGroupAsync(connectionId, _sliceGroups[_nextSlice]);
            _nextSlice = (_nextSlice + 1) % _sliceGroups.Length;
        }
        catch (Exception)
        {
            // The connection is gone.
        }
    }

    private static TimeSpan Elapsed(long since) => since == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(since);

    private async Task Send(SessionChanges changes, Audience[] groups, bool personal)
    {
        using var patience = new CancellationTokenSource(SendPatience);
        try
        {
            foreach (var group in groups)
            {
                await _clients.Group(SessionFanout.GroupName(_sessionId, group)).SendAsync(SessionFanout.ChangesEvent, changes.For(group), patience.Token);
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
                if (_connections.ConnectionIdsOf(_sessionId, participantId) is { Count: > 0 } connections)
                {
                    await _clients.Clients(connections).SendAsync(SessionFanout.PersonalEvent, batch, patience.Token);
                }
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
