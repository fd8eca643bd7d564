namespace CafeIA.Gateway.Security;

/// <summary>
/// A token bucket refilled from the clock whenever it is used (no timer, no queue): each hub
/// connection's call budget and each session's participants' message budget. Every connection
/// holds one, so it is kept small: the BCL's TokenBucketRateLimiter holds its options, a wait
/// queue and a replenishing timer per instance (about 330 bytes and one timer per connection,
/// measured with dotnet-gcdump at 12,000 connections).
/// </summary>
public sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;

    /// <summary>A full bucket of <paramref name="capacity"/> tokens, refilled at <paramref name="perSecond"/>.</summary>
    public TokenBucket(double capacity, double perSecond, TimeProvider? clock = null)
    {
        (_capacity, _perSecond, _clock) = (capacity, perSecond, clock ?? TimeProvider.System);
        _tokens = capacity;
        _refilledAt = _clock.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty (the call is refused).</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }

    /// <summary>How long until the bucket holds <paramref name="count"/> tokens (at most a full bucket).</summary>
    public TimeSpan WaitFor(double count)
    {
        lock (_gate)
        {
            Refill();
            var need = Math.Min(count, _capacity);
            return _tokens >= need ? TimeSpan.Zero : TimeSpan.FromSeconds((need - _tokens) / _perSecond);
        }
    }

    /// <summary>Takes <paramref name="count"/> tokens (at most a full bucket), after <see cref="WaitFor"/> said they are there.</summary>
    public void Spend(double count)
    {
        lock (_gate)
        {
            Refill();
            _tokens -= Math.Min(count, _capacity);
        }
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + _clock.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond);
        _refilledAt = now;
    }
}
