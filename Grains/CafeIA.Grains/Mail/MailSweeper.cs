using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Cafes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Mail;

/// <summary>
/// Every Mail:SweepPeriod, delivers the cafés whose mail is due: reminders the day before, a
/// confirmation the first attempt missed, addresses to erase once a café is over. A hosted timer
/// over a durable schedule, like the retention sweeper, rather than an Orleans reminder: reminders
/// need a reminder table the SQLite store does not have, and a minute's precision is plenty. It
/// runs with mail off too: addresses kept while mail was on still go once their café is over.
/// </summary>
internal sealed partial class MailSweeper(IGrainFactory grains, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepPeriod, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Sweep();
            }
        }
        catch (OperationCanceledException)
        {
            // Silo stopping.
        }
    }

    private async Task Sweep()
    {
        try
        {
            foreach (var sessionId in await grains.GetGrain<IMailScheduleGrain>(0).Due())
            {
                await grains.GetGrain<ICafeMailGrain>(sessionId).Deliver();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The entries stay due: the next tick tries again.
            LogSweepFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail sweep failed; it tries again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
