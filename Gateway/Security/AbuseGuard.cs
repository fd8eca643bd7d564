using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Security;

/// <summary>What a client address creates through the HTTP API, each with its own budget.</summary>
public enum Creation
{
    Session,
    Programme,
    Registration,
}

/// <summary>
/// The gateway's abuse limits (SessionLimits): unjoined connections per client address, failed
/// joins per address (join codes cannot be guessed), questions per participant, and what an
/// address creates (sessions, programmes, registrations). In memory, per gateway: each gateway
/// enforces them for the clients it serves.
/// </summary>
public sealed class AbuseGuard : IDisposable
{
    private readonly SessionLimits _limits;
    private readonly ConcurrentDictionary<string, int> _unjoined = new();
    private readonly PartitionedRateLimiter<string> _failedJoins;
    private readonly PartitionedRateLimiter<string> _questions;
    private readonly Dictionary<Creation, PartitionedRateLimiter<string>> _creations;

    public AbuseGuard(IOptions<SessionLimits> options)
    {
        _limits = options.Value;
        _failedJoins = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = _limits.FailedJoinsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        _questions = PartitionedRateLimiter.Create<string, string>(participant => RateLimitPartition.GetTokenBucketLimiter(participant, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = _limits.QuestionBurstPerParticipant,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(_limits.SecondsPerQuestion),
                QueueLimit = 0,
            }));
        _creations = new()
        {
            [Creation.Session] = PerHour(_limits.SessionCreationBurstPerAddress, _limits.SessionCreationsPerHourPerAddress),
            [Creation.Programme] = PerHour(_limits.ProgrammeCreationBurstPerAddress, _limits.ProgrammeCreationsPerHourPerAddress),
            [Creation.Registration] = PerHour(_limits.RegistrationBurstPerAddress, _limits.RegistrationsPerHourPerAddress),
        };
    }

    /// <summary>A burst, then one more every hour / <paramref name="perHour"/>, per address.</summary>
    private static PartitionedRateLimiter<string> PerHour(int burst, int perHour) =>
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromHours(1) / Math.Max(1, perHour),
                QueueLimit = 0,
            }));

    /// <summary>A limiter for one connection's hub calls.</summary>
    public TokenBucket ForConnection() => new(_limits.CallBurstPerConnection, _limits.CallsPerSecondPerConnection);

    /// <summary>A limiter for one connection's reactions (on top of its call budget).</summary>
    public TokenBucket ForReactions() => new(_limits.ReactionBurstPerConnection, _limits.ReactionsPerSecondPerConnection);

    /// <summary>A new connection, not joined yet: false (and not counted) when its address holds too many such.</summary>
    public bool TryOpenUnjoined(string address)
    {
        var open = _unjoined.AddOrUpdate(address, 1, (_, n) => n + 1);
        if (open <= _limits.UnjoinedConnectionsPerAddress)
        {
            return true;
        }
        ReleaseUnjoined(address);
        return false;
    }

    /// <summary>An unjoined connection joined or closed: it no longer counts against its address.</summary>
    public void ReleaseUnjoined(string address)
    {
        if (_unjoined.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _unjoined.TryRemove(new KeyValuePair<string, int>(address, 0));
        }
    }

    /// <summary>True while this address may still fail joins this minute.</summary>
    public bool MayTryJoinCodes(string address) => _failedJoins.GetStatistics(address)?.CurrentAvailablePermits != 0;

    public void FailedJoin(string address) => _failedJoins.AttemptAcquire(address).Dispose();

    public bool TryAskQuestion(string participantKey)
    {
        using var lease = _questions.AttemptAcquire(participantKey);
        return lease.IsAcquired;
    }

    /// <summary>Takes one creation from this address's budget: null when allowed, else how long until the next one is.</summary>
    public TimeSpan? TryCreate(Creation kind, string address)
    {
        using var lease = _creations[kind].AttemptAcquire(address);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        _failedJoins.Dispose();
        _questions.Dispose();
        foreach (var limiter in _creations.Values)
        {
            limiter.Dispose();
        }
    }
}
