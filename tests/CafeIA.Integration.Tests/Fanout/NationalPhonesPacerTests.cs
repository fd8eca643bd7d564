using CafeIA.Gateway.Fanout;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>When a programme's national update goes to the phones, on a clock the test moves.</summary>
public sealed class NationalPhonesPacerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(650);
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_first_update_goes_at_once_and_the_next_ones_wait_for_one_send_of_the_latest()
    {
        var pacer = new NationalPhonesPacer(Period, Settle, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());

        _clock.AdvanceMilliseconds(500);
        Assert.Equal(Settle, pacer.Offer());
        // Updates while that send is scheduled are carried by it: nothing more to schedule.
        _clock.AdvanceMilliseconds(500);
        Assert.Null(pacer.Offer());
        // The scheduled send asks at 1,150 ms: the update of 1,000 ms is 150 ms old, not settled yet.
        _clock.AdvanceMilliseconds(150);
        Assert.Equal(TimeSpan.FromMilliseconds(500), pacer.Due());
        _clock.AdvanceMilliseconds(500);
        Assert.Equal(TimeSpan.Zero, pacer.Due());

        // Sent at 1,650 ms: an update 1,000 ms later waits for the period's rest or the settle time.
        _clock.AdvanceMilliseconds(1_000);
        Assert.Equal(Settle, pacer.Offer());
    }

    [Fact]
    public void A_vote_in_full_swing_reaches_the_phones_once_per_period_and_the_last_update_once_it_has_settled()
    {
        // The programme publishes every 500 ms while ballots come, from 0 to 7,500 ms, then stops.
        var offers = Enumerable.Range(0, 16).Select(i => i * 500L);
        var sends = Run(new NationalPhonesPacer(Period, Settle, _clock), offers, until: 12_000);
        // At once, then one per period (each carrying the latest), then the last update (7,500 ms) once
        // it has stood for the settle time, before the period since 6,000 ms would have sent it.
        Assert.Equal([0L, 3_000, 6_000, 8_150], sends);
    }

    [Fact]
    public void A_single_late_update_reaches_the_phones_once_settled_not_after_the_whole_period()
    {
        var sends = Run(new NationalPhonesPacer(Period, Settle, _clock), [0, 500], until: 6_000);
        Assert.Equal([0L, 1_150], sends);
    }

    [Fact]
    public void Updates_that_never_settle_still_go_once_per_period()
    {
        // Every 400 ms: never quiet for the settle time.
        var offers = Enumerable.Range(0, 20).Select(i => i * 400L);
        var sends = Run(new NationalPhonesPacer(Period, Settle, _clock), offers, until: 10_000);
        Assert.Equal([0L, 3_000, 6_000, 8_250], sends);
    }

    [Fact]
    public void After_a_quiet_period_an_update_goes_at_once_again()
    {
        var pacer = new NationalPhonesPacer(Period, Settle, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.Advance(Period);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.Advance(Period + TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
    }

    /// <summary>
    /// Plays updates at these times (ms) as ProgrammeFanout does, 50 ms steps: an update is offered,
    /// a scheduled send asks <see cref="NationalPhonesPacer.Due"/> when its delay is over. Returns
    /// when the phones were sent something.
    /// </summary>
    private List<long> Run(NationalPhonesPacer pacer, IEnumerable<long> offers, long until)
    {
        var sends = new List<long>();
        var pending = new Queue<long>(offers);
        long? due = null;
        for (long now = 0; now <= until; now += 50)
        {
            if (due <= now)
            {
                var wait = pacer.Due();
                due = wait == TimeSpan.Zero ? null : now + (long)wait.TotalMilliseconds;
                if (due is null)
                {
                    sends.Add(now);
                }
            }
            while (pending.TryPeek(out var at) && at <= now)
            {
                pending.Dequeue();
                var answer = pacer.Offer();
                if (answer == TimeSpan.Zero)
                {
                    sends.Add(now);
                }
                else if (answer is { } delay)
                {
                    Assert.Null(due);
                    due = now + (long)delay.TotalMilliseconds;
                }
            }
            _clock.AdvanceMilliseconds(50);
        }
        Assert.Null(due);
        return sends;
    }
}
