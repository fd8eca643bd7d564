using CafeIA.Gateway.Hubs;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// One subscription per national programme that some session on this gateway belongs to. Each
/// national update (at most about once a second) goes to every screen of those local sessions as
/// the event "programme"; the latest one is kept for screens that join later.
/// </summary>
public sealed partial class ProgrammeFanout(IGrainFactory grains, IHubContext<CafeHub, ICafeScreen> hub, ILogger<ProgrammeFanout> log)
{
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
                programme = new Programme(observer, grains.CreateObjectReference<IProgrammeObserver>(observer));
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
        lock (_gate)
        {
            if (!_programmes.TryGetValue(programmeId, out var programme))
            {
                return;
            }
            programme.Latest = view;
            sessions = [.. programme.Sessions];
        }
        try
        {
            await hub.Clients.Groups([.. sessions.SelectMany(s => Enum.GetValues<Audience>()
                .Where(a => a is Audience.Participants or Audience.Staff or Audience.Projector)
                .Select(a => SessionFanout.GroupName(s, a)))]).Programme(view, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogRenewFailed(log, ex, programmeId);
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

    private sealed class Programme(Observer observer, IProgrammeObserver reference)
    {
        /// <summary>Orleans holds observer objects weakly: this keeps it alive.</summary>
        public Observer Observer { get; } = observer;
        public IProgrammeObserver Reference { get; } = reference;
        public HashSet<Guid> Sessions { get; } = [];
        public ProgrammeView? Latest { get; set; }
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
}
