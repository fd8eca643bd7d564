using CafeIA.Gateway.Security;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CafeIA.Integration.Tests.Security;

/// <summary>A connection's call budget, on a clock the test moves.</summary>
public sealed class CallBudgetTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;

        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    private static int Take(CallBudget budget, int attempts) => Enumerable.Range(0, attempts).Count(_ => budget.TryTake());

    [Fact]
    public void A_burst_is_allowed_then_calls_are_refused_until_time_refills_the_bucket()
    {
        var clock = new ManualClock();
        var budget = new CallBudget(burst: 30, perSecond: 10, clock);

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
        var budget = new CallBudget(burst: 5, perSecond: 10, clock);
        Assert.Equal(5, Take(budget, 5));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(5, Take(budget, 100));
    }

    [Theory]
    [InlineData("--Limits:CallsPerSecondPerConnection=0")]
    [InlineData("--Limits:CallBurstPerConnection=0")]
    public async Task A_gateway_does_not_start_with_a_call_budget_that_refuses_every_call(string setting)
    {
        using var data = new TempDirectory();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartEmbedded(data.Path, setting));

        Assert.Contains("must be at least 1", refused.Message, StringComparison.Ordinal);
    }
}
