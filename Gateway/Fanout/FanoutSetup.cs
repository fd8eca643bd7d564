namespace CafeIA.Gateway.Fanout;

public static class FanoutSetup
{
    public static IServiceCollection AddSessionFanout(this IServiceCollection services)
    {
        services.AddSingleton<SessionFanout>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddHostedService<SubscriptionRenewer>();
        return services;
    }
}

/// <summary>
/// Grain observers are not durable: a session grain forgets its subscribers when it deactivates
/// or moves, and drops those not renewed within its expiry. Renew well inside that window.
/// </summary>
internal sealed class SubscriptionRenewer(SessionFanout fanout) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await fanout.RenewAll(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }
}
