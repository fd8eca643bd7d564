using System.Threading.Channels;
using CafeIA.Grains;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Receives a session's change batches from its grain and sends them to the session's group,
/// one at a time in arrival order (observer calls may be dispatched concurrently).
/// </summary>
internal sealed class SessionChangeForwarder : ISessionObserver
{
    private readonly Channel<ChangeBatch> _queue = Channel.CreateUnbounded<ChangeBatch>(new() { SingleReader = true });
    private readonly IClientProxy _group;
    private readonly string _eventName;

    public SessionChangeForwarder(IClientProxy group, string eventName)
    {
        _group = group;
        _eventName = eventName;
        _ = Task.Run(PumpAsync);
    }

    public Task OnChanges(Guid sessionId, ChangeBatch batch)
    {
        _queue.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    public void Complete() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _group.SendAsync(_eventName, batch);
            }
            catch (Exception)
            {
                // A failed group send concerns connections already gone; clients that miss a
                // batch see the seq gap on the next one and fetch a snapshot.
            }
        }
    }
}
