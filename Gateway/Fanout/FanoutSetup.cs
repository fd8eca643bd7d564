using CafeIA.Grains.Abstractions;

namespace CafeIA.Gateway.Fanout;

public static class FanoutSetup
{
    public static IServiceCollection AddSessionFanout(this IServiceCollection services)
    {
        services.AddSingleton<SessionFanout>();
        services.AddSingleton<IScreenSender, HubScreenSender>();
        services.AddSingleton<ProgrammeFanout>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddOptions<FanoutOptions>().BindConfiguration(FanoutOptions.Section);
        services.AddHostedService<SubscriptionRenewer>();
        services.AddOptions<ReactionOptions>().BindConfiguration(ReactionOptions.Section);
        services.AddHostedService<ReactionFlusher>();
        return services;
    }
}

/// <summary>Section "Fanout": how often each gateway renews its session subscriptions, and paces its sends.</summary>
public sealed class FanoutOptions
{
    public const string Section = "Fanout";

    /// <summary>
    /// Well inside the grain's 2-minute expiry; also how soon screens resync after a session
    /// moved to another silo (a renewal finds the new activation).
    /// </summary>
    public TimeSpan RenewalPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The shortest time between two sends of one session's changes to its screens. A change after
    /// a quiet moment goes out at once; under a storm of commits, everything committed during this
    /// interval goes out as one merged batch, so 10,000 screens get a few messages a second, not
    /// one per commit. Screens render charts at most four times a second anyway.
    /// </summary>
    public TimeSpan MinSendInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The messages per second one session's participants' group may take from this gateway, on
    /// average (a token bucket holding one second's worth, so a change after a quiet moment goes
    /// out at once). Under a storm, 10,000 screens then get a merged batch every half second. A
    /// bare SignalR broadcast costs about 24 µs of CPU per screen on our 2-core reference machine
    /// (docs/BENCHMARKS.md), so the default keeps a storm's fan-out near half a core.
    /// </summary>
    public int ParticipantMessagesPerSecond { get; set; } = 20_000;

    /// <summary>
    /// Under a storm (several commits waiting for one send), a send to more participants' screens
    /// than this goes out slice by slice (<see cref="Slices"/> groups), <see cref="SlicePause"/>
    /// apart, so that the commands arriving meanwhile (the votes themselves) are read and answered
    /// between two slices instead of queueing behind thousands of writes. After a quiet moment a
    /// send goes out at once, to the whole group.
    /// </summary>
    public int SliceAbove { get; set; } = 500;

    /// <summary>How many slices a large participants' group is dealt into.</summary>
    public int Slices { get; set; } = 32;

    /// <summary>
    /// About how many screens one step of a sliced send reaches: a smaller group is sent several
    /// slice groups at a time, in fewer steps (1,000 screens: 4 steps; 10,000: all 32).
    /// </summary>
    public int ScreensPerSlice { get; set; } = 300;

    /// <summary>The pause after each step of a send under a storm; the staff and the projector are served in it.</summary>
    public TimeSpan SlicePause { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The shortest time between two national updates ("programme") to the staff and projectors of
    /// one programme's cafés on this gateway. The first update after a quiet moment goes out at
    /// once, and the latest one always follows: at once when the programme says its tallies have
    /// settled (<see cref="IProgrammeObserver.OnSettled"/>), else at the period's end. The programme
    /// publishes up to five times a second while ballots come; a second between two figures on a
    /// projector is as live as a room can read, and a fifth of those sends.
    /// </summary>
    public TimeSpan ProgrammeScreensPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The shortest time between two national updates ("programme") to the participants' phones
    /// of one programme's cafés on this gateway, paced as <see cref="ProgrammeScreensPeriod"/> is.
    /// During a national vote the update to every phone was most of a gateway's sends (1,000 cafés
    /// × 20 on two gateways: 10,000 phones each, against about 3,700 writes a second for the cafés'
    /// own results), for a figure a phone shows under its café's own result.
    /// </summary>
    public TimeSpan ProgrammePhonesPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Into how many slices of cafés the phones are paced, each in its turn: during a vote the
    /// gateway writes to one slice every <see cref="ProgrammePhonesPeriod"/> / slices instead of
    /// to every phone at once (a burst of 10,000 writes that delayed the ballots acknowledged
    /// behind it). The first update after a quiet period and the settled one still go to all.
    /// </summary>
    public int ProgrammePhonesSlices { get; set; } = 10;
}

/// <summary>
/// Grain observers are not durable: a session grain forgets its subscribers when it deactivates
/// or moves, and drops those not renewed within its expiry. Renew well inside that window.
/// </summary>
internal sealed class SubscriptionRenewer(SessionFanout fanout, ProgrammeFanout programmes, Microsoft.Extensions.Options.IOptions<FanoutOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewalPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await fanout.RenewAll(stoppingToken);
                await programmes.RenewAll(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }
}
