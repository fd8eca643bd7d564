using Microsoft.Extensions.Hosting;

namespace CafeIA.Storage;

/// <summary>
/// While this process's store fails, tries a small real write (<see cref="SessionStore.Probe"/>)
/// every <see cref="Period"/>: only a successful write ends a streak of failures, and a silo whose
/// sessions moved away, or that has no more writes to make, would otherwise stay degraded in
/// readiness for good. A working store is never probed.
/// </summary>
internal sealed class StoreProbe(SessionStore store, StorageHealth health, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!health.Failing)
                {
                    continue;
                }
                try
                {
                    await store.Probe(clock.GetUtcNow());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Still failing: the store recorded it (one streak, logged once); the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Silo stopping.
        }
    }
}
