using CafeIA.Gateway.Security;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Security;

/// <summary>The token bucket behind the call and message budgets, on a clock the test moves.</summary>
public sealed class TokenBucketTests
{
    private static int Take(TokenBucket budget, int attempts) => Enumerable.Range(0, attempts).Count(_ => budget.TryTake());

    [Fact]
    public void A_burst_is_allowed_then_calls_are_refused_until_time_refills_the_bucket()
    {
        var clock = new ManualClock();
        var budget = new TokenBucket(capacity: 30, perSecond: 10, clock);

        Assert.Equal(30, Take(budget, 100));
        Assert.False(budget.TryTake());

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, Take(budget, 100));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, Take(budget, 100));
    }

    [Fact]
    public void A_long_quiet_time_refills_no_more_than_the_burst()
    {
        var clock = new ManualClock();
        var budget = new TokenBucket(capacity: 5, perSecond: 10, clock);
        Assert.Equal(5, Take(budget, 5));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(5, Take(budget, 100));
    }

    [Fact]
    public void A_send_waits_until_the_bucket_holds_it_and_never_for_more_than_a_full_bucket()
    {
        var clock = new ManualClock();
        var budget = new TokenBucket(capacity: 20_000, perSecond: 20_000, clock);
        Assert.Equal(TimeSpan.Zero, budget.WaitFor(10_000));
        budget.Spend(10_000);
        budget.Spend(10_000);

        Assert.Equal(TimeSpan.FromSeconds(0.5), budget.WaitFor(10_000));
        Assert.Equal(TimeSpan.FromSeconds(1), budget.WaitFor(50_000));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.Zero, budget.WaitFor(10_000));
    }
}
