using CafeIA.Gateway.Fanout;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>When a programme's national update goes to one audience (here the phones), on a clock the test moves.</summary>
public sealed class NationalPacerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_first_update_goes_at_once_and_the_next_ones_wait_for_one_send_of_the_latest()
    {
        var pacer = new NationalPacer(Period, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());

        _clock.AdvanceMilliseconds(200);
        Assert.Equal(TimeSpan.FromMilliseconds(4_800), pacer.Offer());
        // Updates while that send is scheduled are carried by it: nothing more to schedule.
        _clock.AdvanceMilliseconds(200);
        Assert.Null(pacer.Offer());
        _clock.AdvanceMilliseconds(4_600);
        Assert.Equal(TimeSpan.Zero, pacer.Due());

        // Sent at 5,000 ms: an update 1,000 ms later waits for the rest of the period.
        _clock.AdvanceMilliseconds(1_000);
        Assert.Equal(TimeSpan.FromMilliseconds(4_000), pacer.Offer());
    }

    [Fact]
    public void A_slice_of_phones_that_waits_for_its_phase_sends_even_the_first_update_a_period_and_its_phase_later_then_once_per_period()
    {
        // The third of ten slices: its turn comes 1,500 ms into each 5 s; the programme publishes
        // every 200 ms from 0 to 17,000 ms and settles at 17,200 ms.
        var pacer = new NationalPacer(Period, _clock, phase: TimeSpan.FromMilliseconds(1_500), waitsForPhase: true);
        var offers = Enumerable.Range(0, 86).Select(i => i * 200L);
        var sends = Run(pacer, offers, settledAt: [17_200], until: 25_000);
        Assert.Equal([6_500L, 11_500, 16_500, 17_200], sends);
    }

    [Fact]
    public void A_vote_in_full_swing_reaches_the_audience_once_per_period_and_the_last_update_when_the_tallies_settle()
    {
        // The programme publishes every 200 ms while ballots come, from 0 to 12,000 ms, and says
        // it has settled one period later.
        var offers = Enumerable.Range(0, 61).Select(i => i * 200L);
        var sends = Run(new NationalPacer(Period, _clock), offers, settledAt: [12_200], until: 20_000);
        // At once, then one per period (each carrying the latest), then the last update at once
        // when settled, not at 15,000 ms.
        Assert.Equal([0L, 5_000, 10_000, 12_200], sends);
    }

    [Fact]
    public void A_second_settled_word_sends_nothing_and_the_scheduled_send_then_finds_nothing_to_carry()
    {
        // One update (sent at once), then the settled word: the audience already has it.
        var sends = Run(new NationalPacer(Period, _clock), [0, 1_000], settledAt: [1_200, 3_000], until: 12_000);
        // The update of 1,000 ms went when settled; the period's scheduled send then has nothing to carry.
        Assert.Equal([0L, 1_200], sends);
    }

    [Fact]
    public void A_lost_settled_word_delays_the_last_update_to_the_period_end_and_never_drops_it()
    {
        var sends = Run(new NationalPacer(Period, _clock), [0, 1_000], settledAt: [], until: 12_000);
        Assert.Equal([0L, 5_000], sends);
    }

    [Fact]
    public void After_a_settled_send_a_new_update_still_waits_a_whole_period_from_it()
    {
        // Settled at 1,200 ms (sent); a new vote starts at 2,000 ms: the send scheduled at 200 ms
        // for 5,000 ms asks then, and waits until 6,200 ms, a period after the settled send.
        var sends = Run(new NationalPacer(Period, _clock), [0, 200, 2_000], settledAt: [1_200], until: 12_000);
        Assert.Equal([0L, 1_200, 6_200], sends);
    }

    [Fact]
    public void Settled_on_an_update_that_has_not_arrived_yet_sends_it_even_with_nothing_held_back()
    {
        var pacer = new NationalPacer(Period, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.AdvanceMilliseconds(400);
        Assert.False(pacer.Settled());
        Assert.True(pacer.Settled(unseen: true));
        // It counts as sent: the next update waits a period from it.
        _clock.AdvanceMilliseconds(1_000);
        Assert.Equal(TimeSpan.FromMilliseconds(4_000), pacer.Offer());
    }

    [Fact]
    public void A_slice_with_a_phase_takes_its_turn_that_long_after_a_send_at_once_then_once_per_period()
    {
        // A slice whose phase is 2 s of the 5 s period: updates every 200 ms from 0 to 12,000 ms.
        var offers = Enumerable.Range(0, 61).Select(i => i * 200L);
        var sends = Run(new NationalPacer(Period, _clock, TimeSpan.FromSeconds(2)), offers, settledAt: [12_200], until: 20_000);
        // The last update (12,000 ms) came just after the period's send of 12,000 ms: it goes when settled.
        Assert.Equal([0L, 2_000, 7_000, 12_000, 12_200], sends);
        // After the settled send, the next update waits the phase again, not the period.
        var pacer = new NationalPacer(Period, _clock, TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.AdvanceMilliseconds(300);
        Assert.Equal(TimeSpan.FromMilliseconds(1_700), pacer.Offer());
        Assert.True(pacer.Settled());
        // A new update is carried by the send scheduled at 300 ms, which then waits the phase from the settled send.
        Assert.Null(pacer.Offer());
        _clock.AdvanceMilliseconds(1_700);
        Assert.Equal(TimeSpan.FromMilliseconds(300), pacer.Due());
    }

    [Fact]
    public void After_a_quiet_period_an_update_goes_at_once_again()
    {
        var pacer = new NationalPacer(Period, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.Advance(Period);
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        _clock.Advance(Period + TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.Offer());
        Assert.False(pacer.Settled());
    }

    /// <summary>
    /// Plays updates and settled words at these times (ms) as ProgrammeFanout does, 50 ms steps: an
    /// update is offered, a settled word asks <see cref="NationalPacer.Settled"/>, a scheduled send
    /// asks <see cref="NationalPacer.Due"/> when its delay is over. Returns when the audience was
    /// sent something; nothing may stay held back or scheduled at the end.
    /// </summary>
    private List<long> Run(NationalPacer pacer, IEnumerable<long> offers, long[] settledAt, long until)
    {
        var sends = new List<long>();
        var pending = new Queue<long>(offers);
        var settled = new Queue<long>(settledAt);
        long? due = null;
        for (long now = 0; now <= until; now += 50)
        {
            if (due <= now)
            {
                switch (pacer.Due())
                {
                    case null:
                        due = null;
                        break;
                    case var wait when wait == TimeSpan.Zero:
                        due = null;
                        sends.Add(now);
                        break;
                    case { } wait:
                        due = now + (long)wait.TotalMilliseconds;
                        break;
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
            while (settled.TryPeek(out var at) && at <= now)
            {
                settled.Dequeue();
                if (pacer.Settled())
                {
                    sends.Add(now);
                }
            }
            _clock.AdvanceMilliseconds(50);
        }
        Assert.Null(due);
        Assert.False(pacer.Settled());
        return sends;
    }
}
