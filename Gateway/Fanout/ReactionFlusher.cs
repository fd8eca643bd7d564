using CafeIA.Grains.Abstractions;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Fanout;

/// <summary>Section "Reactions": how this gateway coalesces its connections' live reactions.</summary>
public sealed class ReactionOptions
{
    public const string Section = "Reactions";

    /// <summary>
    /// Every this long, each session this gateway serves gets one call with what its connections
    /// reacted meanwhile: a storm of 10,000 tapping phones costs the session four calls a second per
    /// gateway, not 20,000. Zero hands every reaction to the session at once, one call each (the
    /// design coalescing replaced, kept to measure against: docs/BENCHMARKS.md, "Live reactions").
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// Hands each served session what this gateway's connections reacted since the last flush, one
/// tally per session every <see cref="ReactionOptions.FlushInterval"/>. Best effort: a tally the
/// session does not take (its silo failing, say) is lost, as reactions are not acknowledged as durable.
/// </summary>
internal sealed partial class ReactionFlusher(SessionFanout fanout, IGrainFactory grains, IOptions<ReactionOptions> options, ILogger<ReactionFlusher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.FlushInterval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(fanout.TakeReactions().Select(t => Hand(t.SessionId, t.Tally)));
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }

    private async Task Hand(Guid sessionId, Wire.ReactionTally tally)
    {
        try
        {
            await grains.GetGrain<ISessionGrain>(sessionId).AddReactions(tally);
        }
        catch (Exception ex)
        {
            LogFlushFailed(log, ex, sessionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reactions of session {SessionId} could not be handed over; they are lost")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex, Guid sessionId);
}
