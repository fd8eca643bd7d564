using CafeIA.Gateway.Fanout;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>When a programme's national update goes to the phones, on a clock the test moves.</summary>
public sealed class NationalPhonesPacerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_first_update_goes_at_once_and_the_next_ones_wait_for_one_send_of_the_latest()
    {
        var pacer = new NationalPhonesPacer(Period, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());

        _clock.AdvanceMilliseconds(500);
        Assert.Equal(TimeSpan.FromMilliseconds(2_500), pacer.Offer());
        // Updates while that send is scheduled are carried by it: nothing more to schedule.
        _clock.AdvanceMilliseconds(500);
        Assert.Null(pacer.Offer());
        _clock.AdvanceMilliseconds(2_000);
        Assert.Null(pacer.Offer());

        _clock.AdvanceMilliseconds(500);
        pacer.Sent();
        _clock.AdvanceMilliseconds(1_000);
        Assert.Equal(TimeSpan.FromMilliseconds(2_000), pacer.Offer());
    }

    [Fact]
    public void After_a_quiet_period_an_update_goes_at_once_again()
    {
        var pacer = new NationalPhonesPacer(Period, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.Advance(Period);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.Advance(Period + TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
    }
}
