namespace CafeIA.Gateway.Fanout;

public static class FanoutSetup
{
    public static IServiceCollection AddSessionFanout(this IServiceCollection services)
    {
        services.AddSingleton<SessionFanout>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddOptions<FanoutOptions>().BindConfiguration(FanoutOptions.Section);
        services.AddHostedService<SubscriptionRenewer>();
        return services;
    }
}

/// <summary>Section "Fanout": how often each gateway renews its session subscriptions.</summary>
public sealed class FanoutOptions
{
    public const string Section = "Fanout";

    /// <summary>
    /// Well inside the grain's 2-minute expiry; also how soon screens resync after a session
    /// moved to another silo (a renewal finds the new activation).
    /// </summary>
    public TimeSpan RenewalPeriod { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Grain observers are not durable: a session grain forgets its subscribers when it deactivates
/// or moves, and drops those not renewed within its expiry. Renew well inside that window.
/// </summary>
internal sealed class SubscriptionRenewer(SessionFanout fanout, Microsoft.Extensions.Options.IOptions<FanoutOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewalPeriod);
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
