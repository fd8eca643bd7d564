using System.Diagnostics;
using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// Live reactions in the session grain: gateways hand it tallies (one call per gateway every few
/// hundred milliseconds, however many phones tap), it counts them in the state and publishes the
/// bursts. A tally is not a command: it never awaits a write, so it never waits behind a vote
/// storm's commits, and votes never wait for reactions. The counts are written with the next
/// commit, or by a save of their own once they have waited <see cref="ReactionSaveAfter"/>; a
/// crash loses at most those seconds of counts (they were never acknowledged as durable).
/// </summary>
public sealed partial class SessionGrain
{
    /// <summary>At most one burst per this interval goes to the gateways.</summary>
    public static readonly TimeSpan BurstInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Reaction counts not written by a commit meanwhile are saved after this long.</summary>
    public static readonly TimeSpan ReactionSaveAfter = TimeSpan.FromSeconds(5);

    /// <summary>The reaction timer stops after this long without reactions (and starts again with the next).</summary>
    private static readonly TimeSpan ReactionTimerIdle = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, int> _burstCounts = [];
    private int _burstOnsite;
    private int _burstRemote;
    private long _burstSentAt;
    private long _reactedAt;
    /// <summary>When counts written by no commit since were first taken (0: none waiting).</summary>
    private long _reactionsUnsavedSince;
    private IGrainTimer? _reactionTimer;

    public Task<Outcome<Done>> SetReactions(string participantId, ReactionsRequest request) =>
        Apply(participantId, s => s.SetReactions(participantId, request));

    public Task AddReactions(ReactionTally tally)
    {
        if (!Exists || _broken || _session.AddReactions(tally) is not { } taken)
        {
            return Task.CompletedTask;
        }
        foreach (var (kind, count) in taken.Counts)
        {
            _burstCounts[kind] = _burstCounts.GetValueOrDefault(kind) + count;
        }
        (_burstOnsite, _burstRemote) = (_burstOnsite + taken.Onsite, _burstRemote + taken.Remote);
        _reactedAt = Stopwatch.GetTimestamp();
        if (_reactionsUnsavedSince == 0)
        {
            _reactionsUnsavedSince = _reactedAt;
        }
        if (Stopwatch.GetElapsedTime(_burstSentAt) >= BurstInterval)
        {
            PublishBurst();
        }
        _reactionTimer ??= this.RegisterGrainTimer(ReactionTick, new GrainTimerCreationOptions(BurstInterval, BurstInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    /// <summary>Called when a commit takes the state to write: the counts it holds are saved with it.</summary>
    private void ReactionsWritten() => _reactionsUnsavedSince = 0;

    /// <summary>Every BurstInterval while reactions come: the burst held back, then the save of counts no commit wrote.</summary>
    private async Task ReactionTick(CancellationToken cancellationToken)
    {
        if (_burstCounts.Count > 0 && Stopwatch.GetElapsedTime(_burstSentAt) >= BurstInterval)
        {
            PublishBurst();
        }
        if (_reactionsUnsavedSince != 0 && Stopwatch.GetElapsedTime(_reactionsUnsavedSince) >= ReactionSaveAfter)
        {
            await SaveReactions();
        }
        if (_burstCounts.Count == 0 && _reactionsUnsavedSince == 0 && Stopwatch.GetElapsedTime(_reactedAt) >= ReactionTimerIdle)
        {
            _reactionTimer?.Dispose();
            _reactionTimer = null;
        }
    }

    /// <summary>Writes the counts no commit has written yet (on a timer, and when the grain deactivates).</summary>
    private async Task SaveReactions()
    {
        if (_reactionsUnsavedSince == 0 || !Exists || _broken)
        {
            return;
        }
        try
        {
            await _commits.Next();
        }
        catch (Exception)
        {
            // The write failed: the grain is broken and reloads (Commit logged it); these counts are lost.
        }
    }

    private void PublishBurst()
    {
        if (_burstCounts.Count == 0)
        {
            return;
        }
        var burst = new ReactionBurst(new Dictionary<string, int>(_burstCounts), _burstOnsite, _burstRemote);
        _burstCounts.Clear();
        (_burstOnsite, _burstRemote) = (0, 0);
        _burstSentAt = Stopwatch.GetTimestamp();
        var id = this.GetPrimaryKey();
        _subscribers.Publish(o => o.OnReactions(id, burst), log, id);
    }
}
