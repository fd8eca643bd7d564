using System.Threading.Channels;
using CafeIA.Grains;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Receives a session's changes from its grain and sends them, one at a time in arrival order
/// (observer calls may be dispatched concurrently): to each role group the batch of events that
/// group may see (possibly empty: every screen sees every seq), then personal events to their
/// participant's own group.
/// </summary>
internal sealed class SessionChangeForwarder : ISessionObserver
{
    private static readonly Audience[] RoleGroups = [Audience.Participants, Audience.Staff, Audience.Projector];
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
        await foreach (var changes in _queue.Reader.ReadAllAsync())
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
}
