namespace CafeIA.Grains;

/// <summary>
/// Keeps ended sessions for the retention period (Limits:EndedSessionRetention), then deletes
/// them with all their data. One per cluster (key 0); the silos' sweepers call it periodically.
/// </summary>
[Alias("cafe.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    [Alias("SessionEnded")]
    Task SessionEnded(Guid sessionId, DateTimeOffset endedAt);

    /// <summary>Deletes the sessions whose retention ended before <paramref name="now"/>; returns how many.</summary>
    [Alias("Sweep")]
    Task<int> Sweep(DateTimeOffset now);
}
