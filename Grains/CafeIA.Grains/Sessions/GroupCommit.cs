namespace CafeIA.Grains.Sessions;

/// <summary>
/// Group commit for one grain: at most one write runs at a time, and every change made while it
/// runs joins the next one. Under a vote storm a session writes once per storage round trip,
/// whatever the number of ballots, and each ballot is acknowledged when the write that holds it
/// has committed. Meant for a reentrant grain: callers change the state synchronously, then await.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private Task _running = Task.CompletedTask;
    private Task? _next;

    /// <summary>The write that will hold every change made so far: the next one, scheduled now if need be.</summary>
    public Task Next() => _next ??= WriteAfter(_running);

    /// <summary>Completes when every change made so far is durable (at once if none is in flight).</summary>
    public Task Durable() => _next ?? _running;

    private async Task WriteAfter(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Its own waiters saw the failure; this write starts afresh (or refuses, if the grain is broken).
        }
        // Run after Next() has stored this task, even when the previous write was already done.
        await Task.Yield();
        _next = null;
        var running = write();
        _running = running;
        await running;
    }
}
