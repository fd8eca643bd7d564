using CafeIA.Gateway.Hubs;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// One subscription per national programme that some session on this gateway belongs to. Each
/// national update (at most every 0.5 s) goes to the staff and projectors of those local
/// sessions as the event "programme", and to their participants at most every
/// <see cref="FanoutOptions.ProgrammePhonesPeriod"/> (the latest one always follows, soon after the
/// tallies stop moving: <see cref="NationalPhonesPacer"/>); the latest one is kept for screens that
/// join later.
/// </summary>
public sealed partial class ProgrammeFanout(IGrainFactory grains, IHubContext<CafeHub, ICafeScreen> hub, ILogger<ProgrammeFanout> log,
    Microsoft.Extensions.Options.IOptions<FanoutOptions> options, TimeProvider? clock = null)
{
    private static readonly Audience[] Screens = [Audience.Staff, Audience.Projector];
    private static readonly Audience[] Phones = [Audience.Participants];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Programme> _programmes = [];
    private readonly Dictionary<Guid, Guid> _sessions = [];

    /// <summary>This local session belongs to the programme: its screens follow the national tallies.</summary>
    public async Task Attach(Guid programmeId, Guid sessionId)
    {
        Programme programme;
        lock (_gate)
        {
            if (_sessions.TryGetValue(sessionId, out var current) && current == programmeId)
            {
                return;
            }
            _sessions[sessionId] = programmeId;
            if (!_programmes.TryGetValue(programmeId, out programme!))
            {
                var observer = new Observer(this, programmeId);
                programme = new Programme(observer, grains.CreateObjectReference<IProgrammeObserver>(observer),
                    new NationalPhonesPacer(options.Value.ProgrammePhonesPeriod, options.Value.ProgrammePhonesSettle, _clock));
                _programmes.Add(programmeId, programme);
            }
            programme.Sessions.Add(sessionId);
        }
        await Renew(programmeId, programme);
    }

    /// <summary>The gateway no longer serves this session.</summary>
    public void Detach(Guid sessionId)
    {
        Programme? ended = null;
        Guid programmeId;
        lock (_gate)
        {
            if (!_sessions.Remove(sessionId, out programmeId) || !_programmes.TryGetValue(programmeId, out var programme))
            {
                return;
            }
            programme.Sessions.Remove(sessionId);
            if (programme.Sessions.Count == 0)
            {
                _programmes.Remove(programmeId);
                ended = programme;
            }
        }
        if (ended is not null)
        {
            _ = End(programmeId, ended);
        }
    }

    /// <summary>The national tallies as last received, or as the programme gives them now.</summary>
    public async Task<ProgrammeView?> Current(Guid programmeId)
    {
        lock (_gate)
        {
            if (_programmes.TryGetValue(programmeId, out var programme) && programme.Latest is { } latest)
            {
                return latest;
            }
        }
        return await grains.GetGrain<IProgrammeGrain>(programmeId).GetView();
    }

    public async Task RenewAll(CancellationToken cancellationToken)
    {
        KeyValuePair<Guid, Programme>[] current;
        lock (_gate)
        {
            current = [.. _programmes];
        }
        foreach (var (programmeId, programme) in current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Renew(programmeId, programme);
        }
    }

    private async Task Renew(Guid programmeId, Programme programme)
    {
        try
        {
            await grains.GetGrain<IProgrammeGrain>(programmeId).Subscribe(programme.Reference);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRenewFailed(log, ex, programmeId);
        }
    }

    private async Task Deliver(Guid programmeId, ProgrammeView view)
    {
        Guid[] sessions;
        TimeSpan? phones;
        lock (_gate)
        {
            if (!_programmes.TryGetValue(programmeId, out var programme))
            {
                return;
            }
            programme.Latest = view;
            sessions = [.. programme.Sessions];
            phones = programme.Phones.Offer();
        }
        await Send(programmeId, sessions, Screens, view);
        if (phones == TimeSpan.Zero)
        {
            await Send(programmeId, sessions, Phones, view);
        }
        else if (phones is { } delay)
        {
            _ = PhonesAfter(programmeId, delay);
        }
    }

    /// <summary>The latest update to the phones once their period has passed or the tallies have settled, whichever comes first.</summary>
    private async Task PhonesAfter(Guid programmeId, TimeSpan delay)
    {
        Guid[] sessions;
        ProgrammeView? view;
        while (true)
        {
            await Task.Delay(delay, _clock);
            lock (_gate)
            {
                if (!_programmes.TryGetValue(programmeId, out var programme))
                {
                    return;
                }
                delay = programme.Phones.Due();
                if (delay == TimeSpan.Zero)
                {
                    (view, sessions) = (programme.Latest, [.. programme.Sessions]);
                    break;
                }
            }
        }
        if (view is not null)
        {
            await Send(programmeId, sessions, Phones, view);
        }
    }

    private async Task Send(Guid programmeId, Guid[] sessions, Audience[] audiences, ProgrammeView view)
    {
        try
        {
            await hub.Clients.Groups([.. sessions.SelectMany(s => audiences.Select(a => SessionFanout.GroupName(s, a)))]).Programme(view, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogSendFailed(log, ex, programmeId);
        }
    }

    private async Task End(Guid programmeId, Programme programme)
    {
        try
        {
            await grains.GetGrain<IProgrammeGrain>(programmeId).Unsubscribe(programme.Reference);
        }
        catch (Exception ex)
        {
            LogRenewFailed(log, ex, programmeId);
        }
        finally
        {
            grains.DeleteObjectReference<IProgrammeObserver>(programme.Reference);
        }
    }

    private sealed class Programme(Observer observer, IProgrammeObserver reference, NationalPhonesPacer phones)
    {
        /// <summary>Orleans holds observer objects weakly: this keeps it alive.</summary>
        public Observer Observer { get; } = observer;
        public IProgrammeObserver Reference { get; } = reference;
        public HashSet<Guid> Sessions { get; } = [];
        public ProgrammeView? Latest { get; set; }
        public NationalPhonesPacer Phones { get; } = phones;
    }

    private sealed class Observer(ProgrammeFanout fanout, Guid programmeId) : IProgrammeObserver
    {
        public Task OnProgramme(ProgrammeView programme)
        {
            _ = fanout.Deliver(programmeId, programme);
            return Task.CompletedTask;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription to programme {ProgrammeId} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, Guid programmeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending programme {ProgrammeId}'s national tallies to its screens failed")]
    private static partial void LogSendFailed(ILogger logger, Exception ex, Guid programmeId);
}
