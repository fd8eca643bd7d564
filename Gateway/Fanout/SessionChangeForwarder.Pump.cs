using System.Threading.Channels;
using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// The forwarder's pump: one turn at a time, it takes an arrival (or wakes when a send is due),
/// then sends each lane what <see cref="SendPacer"/> says is due.
/// </summary>
internal sealed partial class SessionChangeForwarder
{
    private async Task PumpAsync()
    {
        while (true)
        {
            try
            {
                if (!await Turn())
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                // Not a stuck screen (sends time out on their own): a bug or a failing transport.
                // What this turn was sending is lost to some screens; they resync on the gap.
                LogPumpFailed(_log, ex, _sessionId);
            }
        }
    }

    /// <summary>Waits for an arrival or the next due send, then sends what is due; false once completed.</summary>
    private async Task<bool> Turn()
    {
        try
        {
            using var wake = NextWake() is { } due ? new CancellationTokenSource(due, _clock) : null;
            if (!await Handle(await _arrivals.Reader.ReadAsync(wake?.Token ?? CancellationToken.None)))
            {
                return true;
            }
        }
        catch (OperationCanceledException)
        {
            // Time to send, or to stop waiting for a missing batch.
        }
        catch (ChannelClosedException)
        {
            return false;
        }
        TakeReady();
        await SendToStaffIfDue();
        if (_pacer.TakeForParticipants(Screens) is var (merged, storm))
        {
            _catchUp.Sent(Audience.Participants, merged.Seq);
            var batch = WithNational(merged.For(Audience.Participants));
            if (storm && _slicer.IsSliced)
            {
                await SendInSlices(batch);
            }
            else
            {
                await SendToGroups(_participantsGroup, batch);
            }
            RecordLatency(merged, "participants");
        }
        return true;
    }

    /// <summary>
    /// One arrival: a batch is placed in order (true: the pump then looks at what can be sent);
    /// a joining screen is caught up, a leaving one forgotten, a national view kept for the
    /// participants' next batch or sent on their turn, at once (false).
    /// </summary>
    private async Task<bool> Handle(object item)
    {
        switch (item)
        {
            case CatchUpRequest request:
                await CatchUp(request);
                return false;
            case ScreenLeft left:
                _slicer.Left(left.ConnectionId);
                return false;
            case NationalOffer offer:
                _national = offer.View;
                return false;
            case NationalTurn turn:
                await NationalTurnCame(turn.IsSettled);
                return false;
            default:
                _order.Add((SessionChanges)item);
                return true;
        }
    }

    /// <summary>When the pump must wake without a new arrival: a send is due, or a missing batch waited long enough.</summary>
    private TimeSpan? NextWake()
    {
        var due = (_pacer.NextDue(Screens), _order.GapDue()) switch
        {
            ({ } send, { } gap) => send < gap ? send : gap,
            (var send, var gap) => send ?? gap,
        };
        return due is { } wait ? (wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1)) : null;
    }

    /// <summary>Moves every batch arrived meanwhile to the buffer, then what follows in order to the lanes.</summary>
    private void TakeReady()
    {
        while (_arrivals.Reader.TryPeek(out var next) && next is SessionChanges changes)
        {
            _arrivals.Reader.TryRead(out _);
            _order.Add(changes);
        }
        foreach (var changes in _order.TakeReady())
        {
            foreach (var joined in changes.Deliveries.Select(d => d.Event).OfType<ProgrammeJoined>())
            {
                _joinedProgramme(Guid.Parse(joined.ProgrammeId));
            }
            _pacer.Add(changes);
            _catchUp.Retain(changes);
        }
    }

    /// <summary>
    /// The participants' batch carries the national view offered since their last one (the replay
    /// to a joiner does not: it has the view from its join).
    /// </summary>
    private ChangeBatch WithNational(ChangeBatch batch)
    {
        if (_national is not { } view)
        {
            return batch;
        }
        (_national, _nationalCarried) = (null, true);
        return batch with { Programme = view };
    }

    /// <summary>
    /// The participants' turn for the national tallies: the view offered goes, unless a batch
    /// carried one since the last turn; once settled, a view they lack goes in any case.
    /// </summary>
    private async Task NationalTurnCame(bool settled)
    {
        var carried = _nationalCarried;
        _nationalCarried = false;
        if (_national is not { } view || (carried && !settled))
        {
            return;
        }
        _national = null;
        using var patience = new CancellationTokenSource(SendPatience, _clock);
        try
        {
            await _screens.Groups(_participantsGroup).Programme(view, patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            LogSendTimedOut(_log, _sessionId);
        }
    }

    /// <summary>The staff and the projector (a few screens), then personal events: what is due for them.</summary>
    private async Task SendToStaffIfDue()
    {
        if (_pacer.TakeForStaff() is { } staff)
        {
            _catchUp.Sent(Audience.Staff, staff.Seq);
            foreach (var group in StaffAndProjector)
            {
                await SendToGroups([SessionFanout.GroupName(_sessionId, group)], staff.For(group));
            }
            RecordLatency(staff, "staff");
        }
        if (_pacer.TakeForPersonal() is { } personal)
        {
            using var patience = new CancellationTokenSource(SendPatience, _clock);
            await _personal.Send(personal, patience.Token);
        }
    }

    /// <summary>Replays to one new screen what its group received after its snapshot (its answer: whether that worked).</summary>
    private async Task CatchUp(CatchUpRequest request)
    {
        var caughtUp = false;
        try
        {
            TakeReady();
            if (request.Group == Audience.Participants)
            {
                await EnterSliceGroups(_slicer.Joined(request.ConnectionId));
            }
            caughtUp = await Replay(request);
        }
        finally
        {
            // Whatever failed, the join waiting on this answer goes on (with a fresh snapshot).
            request.Done.TrySetResult(caughtUp);
        }
    }

    private async Task<bool> Replay(CatchUpRequest request)
    {
        var missed = _catchUp.For(request.Group, request.AfterSeq);
        if (missed.IsLost)
        {
            return false;
        }
        if (missed.Replay is not { } changes)
        {
            return true;
        }
        try
        {
            using var patience = new CancellationTokenSource(SendPatience, _clock);
            await _screens.Connections([request.ConnectionId]).Changes(changes.For(request.Group), patience.Token);
            await _personal.SendTo(request.ConnectionId, request.ParticipantId, changes, patience.Token);
            return true;
        }
        catch (Exception ex)
        {
            // The joiner gets a fresh snapshot instead.
            LogCatchUpFailed(_log, ex, _sessionId);
            return false;
        }
    }

    /// <summary>Puts participants' screens in their slice groups.</summary>
    private async Task EnterSliceGroups(List<(string ConnectionId, string SliceGroup)> placements)
    {
        foreach (var (connectionId, sliceGroup) in placements)
        {
            try
            {
                using var patience = new CancellationTokenSource(SendPatience, _clock);
                await _screens.AddToGroup(connectionId, sliceGroup, patience.Token);
            }
            catch (Exception ex)
            {
                // The connection is gone (a leave follows).
                LogSliceGroupFailed(_log, ex, _sessionId);
            }
        }
    }

    /// <summary>
    /// One batch to the participants' screens, slice by slice with a pause after each: a slice's
    /// writes queue behind what arrived before them, and what arrives during the pause (a vote,
    /// its acknowledgement) goes ahead of the next slice.
    /// </summary>
    private async Task SendInSlices(ChangeBatch batch)
    {
        foreach (var groups in _slicer.Steps())
        {
            await SendToGroups(groups, batch);
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
        var until = _clock.GetTimestamp() + (long)(pause.TotalSeconds * _clock.TimestampFrequency);
        while (_clock.GetTimestamp() is var now && now < until)
        {
            using var timeout = new CancellationTokenSource(_clock.GetElapsedTime(now, until), _clock);
            try
            {
                await Handle(await _arrivals.Reader.ReadAsync(timeout.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                break;
            }
        }
        TakeReady();
        await SendToStaffIfDue();
    }

    /// <summary>One batch to some groups. A screen that does not read within the patience misses it, and resyncs on the gap.</summary>
    private async Task SendToGroups(IReadOnlyList<string> groups, ChangeBatch batch)
    {
        using var patience = new CancellationTokenSource(SendPatience, _clock);
        try
        {
            await _screens.Groups(groups).Changes(batch, patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            LogSendTimedOut(_log, _sessionId);
        }
    }

    private void RecordLatency(SessionChanges sent, string lane)
    {
        _spans.Sent(sent.Seq, lane);
        if (sent.CommittedAt != default)
        {
            CafeMetrics.FanoutLatency.Record((_clock.GetUtcNow() - sent.CommittedAt).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Fan-out of session {SessionId} failed a turn; it goes on with the next")]
    private static partial void LogPumpFailed(ILogger logger, Exception ex, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A send of session {SessionId} waited too long on screens that do not read")]
    private static partial void LogSendTimedOut(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A joiner of session {SessionId} could not be caught up; it gets a snapshot")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception ex, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A screen of session {SessionId} could not enter its slice group")]
    private static partial void LogSliceGroupFailed(ILogger logger, Exception ex, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A reaction burst of session {SessionId} was not sent")]
    private static partial void LogReactionsFailed(ILogger logger, Exception ex, Guid sessionId);
}
