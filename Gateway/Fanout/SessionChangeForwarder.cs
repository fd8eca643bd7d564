using System.Threading.Channels;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Receives one session's changes from its grain and sends them to this gateway's screens. One
/// pump handles every arrival in turn, so the parts it drives need no locks:
/// <list type="bullet">
/// <item><see cref="SeqReorderBuffer"/> puts the batches back in seq order;</item>
/// <item><see cref="SendPacer"/> says when each lane (staff and projector, personal events,
/// participants) is due, and what it gets, merged;</item>
/// <item><see cref="ParticipantSlicer"/> places a large participants' group in slice groups, sent one
/// step at a time under a storm, with arrivals served between two steps;</item>
/// <item><see cref="JoinerCatchUp"/> replays to a screen that just joined what its group was sent after its snapshot;</item>
/// <item><see cref="PersonalRouter"/> sends personal events to their participant's connections.</item>
/// </list>
/// In a programme café it also carries the national tallies to the participants
/// (<see cref="INationalPhones"/>): inside their next batch, or on their turn.
/// An unexpected failure costs the sends of one step (screens that missed a batch see the gap on
/// the next one and fetch a snapshot); it is logged and the pump goes on.
/// </summary>
internal sealed partial class SessionChangeForwarder : ISessionObserver, INationalPhones
{
    private static readonly Audience[] StaffAndProjector = [Audience.Staff, Audience.Projector];

    /// <summary>
    /// How long one send may wait on screens that do not read (SignalR's backpressure). The pump
    /// serves the whole session: a stuck phone must not hold every other screen and every join.
    /// SignalR closes a connection whose write was abandoned; that screen reconnects and resyncs.
    /// </summary>
    private static readonly TimeSpan SendPatience = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Arrived batches (<see cref="SessionChanges"/>), joins (<see cref="CatchUpRequest"/>), leaves
    /// (<see cref="ScreenLeft"/>) and national tallies (<see cref="NationalOffer"/>, <see cref="NationalTurn"/>), in order.
    /// </summary>
    private readonly Channel<object> _arrivals = Channel.CreateUnbounded<object>(new() { SingleReader = true });
    private readonly Guid _sessionId;
    private readonly IScreenSender _screens;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _slicePause;
    private readonly SeqReorderBuffer _order;
    private readonly SendPacer _pacer;
    private readonly ParticipantSlicer _slicer;
    private readonly JoinerCatchUp _catchUp = new();
    private readonly PersonalRouter _personal;
    private readonly string[] _participantsGroup;
    private readonly string[] _staffAndProjectorGroups;
    private readonly Action<Guid> _joinedProgramme;
    private readonly SessionReactions? _reactions;
    private readonly FanoutSpans _spans;
    /// <summary>The national view offered and not yet sent to the participants (null: they have the latest).</summary>
    private ProgrammeView? _national;
    /// <summary>A participants' batch carried a national view since their last turn.</summary>
    private bool _nationalCarried;

    /// <param name="joinedProgramme">Called when the session joins a national programme.</param>
    /// <param name="reactions">Learns the session's reaction setting from the batches as they arrive.</param>
    public SessionChangeForwarder(Guid sessionId, IScreenSender screens, ConnectionRegistry connections, FanoutOptions options,
        Action<Guid> joinedProgramme, ILogger log, SessionReactions? reactions = null, TimeProvider? clock = null)
    {
        (_sessionId, _screens, _joinedProgramme, _log, _reactions) = (sessionId, screens, joinedProgramme, log, reactions);
        _clock = clock ?? TimeProvider.System;
        _slicePause = options.SlicePause;
        _order = new SeqReorderBuffer(_clock);
        _pacer = new SendPacer(_clock, options.MinSendInterval, options.ParticipantMessagesPerSecond);
        _slicer = new ParticipantSlicer(sessionId, options);
        _personal = new PersonalRouter(sessionId, connections, screens);
        _spans = new FanoutSpans(sessionId);
        _participantsGroup = [SessionFanout.GroupName(sessionId, Audience.Participants)];
        _staffAndProjectorGroups = [.. StaffAndProjector.Select(g => SessionFanout.GroupName(sessionId, g))];
        // The pump's first read finds the channel empty and yields: the constructor returns at once.
        Completion = PumpAsync();
    }

    /// <summary>Connections of this session on this gateway (kept by <see cref="SessionFanout"/>).</summary>
    public int Screens { get; set; }

    /// <summary>Ends when the pump has stopped, after <see cref="Complete"/>.</summary>
    public Task Completion { get; }

    public Task OnChanges(Guid sessionId, SessionChanges changes)
    {
        // At arrival, not in seq order: the setting carries its seq, so a late batch changes nothing.
        _reactions?.Learn(changes);
        _spans.Arrived(changes);
        _arrivals.Writer.TryWrite(changes);
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
            using var patience = new CancellationTokenSource(SendPatience, _clock);
            await _screens.Groups(_staffAndProjectorGroups).Reactions(burst, patience.Token);
        }
        catch (Exception ex)
        {
            // A burst is a moment's animation: a screen that misses one misses nothing it must resync.
            LogReactionsFailed(_log, ex, _sessionId);
        }
    }

    public void OfferNational(ProgrammeView view) => _arrivals.Writer.TryWrite(new NationalOffer(view));

    public void SendNational(bool settled = false) => _arrivals.Writer.TryWrite(settled ? NationalTurn.Settled : NationalTurn.Paced);

    private sealed record NationalOffer(ProgrammeView View);

    private sealed record NationalTurn(bool IsSettled)
    {
        public static readonly NationalTurn Paced = new(false);
        public static readonly NationalTurn Settled = new(true);
    }

    public void Complete() => _arrivals.Writer.TryComplete();

    /// <summary>A connection of this session left this gateway.</summary>
    public void Left(string connectionId) => _arrivals.Writer.TryWrite(new ScreenLeft(connectionId));

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
        return _arrivals.Writer.TryWrite(request) ? request.Done.Task : Task.FromResult(false);
    }

    private sealed record CatchUpRequest(string ConnectionId, Audience Group, string ParticipantId, long AfterSeq)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
