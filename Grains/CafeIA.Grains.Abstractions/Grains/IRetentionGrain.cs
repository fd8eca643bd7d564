namespace CafeIA.Grains.Abstractions;

/// <summary>
/// Keeps ended sessions for the retention period (Limits:EndedSessionRetention), and sessions
/// never started for theirs (Limits:DraftRetention), then deletes them with all their data. One
/// per cluster (key 0); the silos' sweepers call it periodically.
/// </summary>
[Alias("cafe.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    [Alias("SessionEnded")]
    Task SessionEnded(Guid sessionId, DateTimeOffset endedAt);

    /// <summary>A new session, a draft until it starts.</summary>
    [Alias("SessionCreated")]
    Task SessionCreated(Guid sessionId, DateTimeOffset createdAt);

    /// <summary>Deletes the sessions whose retention (ended or draft) ended before <paramref name="now"/>; returns how many.</summary>
    [Alias("Sweep")]
    Task<int> Sweep(DateTimeOffset now);
}

/// <summary>What a session said when the retention sweep asked about it as a draft.</summary>
[GenerateSerializer, Immutable, Alias("cafe.DraftCheck")]
public sealed record DraftCheck([property: Id(0)] bool Purged, [property: Id(1)] DateTimeOffset? LookAgainAt);
