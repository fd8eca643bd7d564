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
/// </summary>
internal sealed class SessionChangeForwarder : ISessionObserver
{
    private static readonly Audience[] RoleGroups = [Audience.Participants, Audience.Staff, Audience.Projector];
    private static readonly TimeSpan GapPatience = TimeSpan.FromMilliseconds(250);
    private readonly SortedDictionary<long, SessionChanges> _early = [];
    private long _next;
    private readonly Channel<SessionChanges> _queue = Channel.CreateUnbounded<SessionChanges>(new() { SingleReader = true });
    private readonly Guid _sessionId;
    private readonly IHubClients _clients;
    private readonly ConnectionRegistry _connections;

    public SessionChangeForwarder(Guid sessionId, IHubClients clients, ConnectionRegistry connections)
    {
        (_sessionId, _clients, _connections) = (sessionId, clients, connections);
        _ = Task.Run(PumpAsync);
    }

    public Task OnChanges(Guid sessionId, SessionChanges changes)
    {
        _queue.Writer.TryWrite(changes);
        return Task.CompletedTask;
    }

    public void Complete() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        while (true)
        {
            SessionChanges? arrived;
            try
            {
                // While a batch waits for an earlier one, wait for it only so long.
                using var patience = _early.Count > 0 ? new CancellationTokenSource(GapPatience) : null;
                arrived = await _queue.Reader.ReadAsync(patience?.Token ?? CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                arrived = null;
            }
            catch (ChannelClosedException)
            {
                return;
            }
            if (arrived is null)
            {
                // The missing batch is lost: send what we have; screens see the gap and resync.
                _next = _early.Keys.First();
            }
            else if (_next == 0 || arrived.Seq == _next)
            {
                _next = arrived.Seq;
                _early[arrived.Seq] = arrived;
            }
            else if (arrived.Seq > _next)
            {
                _early[arrived.Seq] = arrived;
                continue;
            }
            else
            {
                continue; // Already sent.
            }
            while (_early.Remove(_next, out var changes))
            {
                await Send(changes);
                _next++;
            }
        }
    }

    private async Task Send(SessionChanges changes)
    {
        try
        {
            foreach (var group in RoleGroups)
            {
                await _clients.Group(SessionFanout.GroupName(_sessionId, group)).SendAsync(SessionFanout.ChangesEvent, changes.For(group));
            }
            if (changes.CommittedAt != default)
            {
                CafeMetrics.FanoutLatency.Record((DateTimeOffset.UtcNow - changes.CommittedAt).TotalMilliseconds);
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
