using CafeIA.Grains.Abstractions;
using Microsoft.Extensions.Hosting;

namespace CafeIA.Grains.Sessions;

/// <summary>Every hour, asks the retention grain to delete the sessions whose retention is over.</summary>
internal sealed class RetentionSweeper(IGrainFactory grains, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IRetentionGrain>(0).Sweep(clock.GetUtcNow());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again; nothing is lost by waiting.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Silo stopping.
        }
    }
}
