using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Security;

/// <summary>
/// The gateway's abuse limits (SessionLimits): connections per client address, failed joins per
/// address (join codes cannot be guessed), questions per participant. In memory, per gateway:
/// each gateway enforces them for the clients it serves.
/// </summary>
public sealed class AbuseGuard : IDisposable
{
    private readonly SessionLimits _limits;
    private readonly ConcurrentDictionary<string, int> _connections = new();
    private readonly PartitionedRateLimiter<string> _failedJoins;
    private readonly PartitionedRateLimiter<string> _questions;

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
    }

    /// <summary>A limiter for one connection's hub calls.</summary>
    public TokenBucket ForConnection() => new(_limits.CallBurstPerConnection, _limits.CallsPerSecondPerConnection);

    /// <summary>A limiter for one connection's reactions (on top of its call budget).</summary>
    public TokenBucket ForReactions() => new(_limits.ReactionBurstPerConnection, _limits.ReactionsPerSecondPerConnection);

    public bool TryOpenConnection(string address)
    {
        var open = _connections.AddOrUpdate(address, 1, (_, n) => n + 1);
        if (open <= _limits.ConnectionsPerAddress)
        {
            return true;
        }
        CloseConnection(address);
        return false;
    }

    public void CloseConnection(string address)
    {
        if (_connections.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _connections.TryRemove(new KeyValuePair<string, int>(address, 0));
        }
    }

    /// <summary>True while this address may still name unknown join codes this minute.</summary>
    public bool MayTryJoinCodes(string address) => _failedJoins.GetStatistics(address)?.CurrentAvailablePermits != 0;

    public void FailedJoin(string address) => _failedJoins.AttemptAcquire(address).Dispose();

    public bool TryAskQuestion(string participantKey)
    {
        using var lease = _questions.AttemptAcquire(participantKey);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _failedJoins.Dispose();
        _questions.Dispose();
    }
}
