using CafeIA.Gateway.Fanout;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>When each lane may be sent, and what it gets merged, on a clock the test moves.</summary>
public sealed class SendPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly ManualClock _clock = new();

    private SendPacer Pacer(int participantMessagesPerSecond = 20_000) => new(_clock, Interval, participantMessagesPerSecond);

    [Fact]
    public void After_a_quiet_moment_a_change_goes_out_at_once_to_every_lane()
    {
        var pacer = Pacer();
        pacer.Add(Batches.ForEveryone(1));

        Assert.Equal(TimeSpan.Zero, pacer.NextDue(screens: 10));
        Assert.Equal(1, pacer.TakeForStaff()!.Seq);
        var (participants, storm) = pacer.TakeForParticipants(10)!.Value;
        Assert.Equal(1, participants.Seq);
        Assert.False(storm);
        Assert.Null(pacer.TakeForPersonal());
        Assert.Null(pacer.NextDue(10));
    }

    [Fact]
    public void Under_a_storm_what_arrives_within_the_interval_goes_out_as_one_merged_batch()
    {
        var pacer = Pacer();
        pacer.Add(Batches.ForEveryone(1));
        pacer.TakeForStaff();
        pacer.TakeForParticipants(10);

        pacer.Add(Batches.ForEveryone(2));
        pacer.Add(Batches.ForEveryone(3));
        _clock.AdvanceMilliseconds(40);
        Assert.Equal(TimeSpan.FromMilliseconds(60), pacer.NextDue(10));
        Assert.Null(pacer.TakeForStaff());
        Assert.Null(pacer.TakeForParticipants(10));

        _clock.AdvanceMilliseconds(60);
        var staff = pacer.TakeForStaff()!;
        Assert.Equal((2L, 3L), (staff.From, staff.Seq));
        var (participants, storm) = pacer.TakeForParticipants(10)!.Value;
        Assert.Equal((2L, 3L), (participants.From, participants.Seq));
        Assert.True(storm);
    }

    [Fact]
    public void The_participants_group_waits_for_its_message_budget_the_staff_does_not()
    {
        // 100 messages a second, 100 screens: one send empties the bucket, the next waits a second.
        var pacer = Pacer(participantMessagesPerSecond: 100);
        pacer.Add(Batches.ForEveryone(1));
        pacer.TakeForStaff();
        Assert.NotNull(pacer.TakeForParticipants(100));

        pacer.Add(Batches.ForEveryone(2));
        _clock.Advance(Interval);
        Assert.Equal(2, pacer.TakeForStaff()!.Seq);
        Assert.Null(pacer.TakeForParticipants(100));
        Assert.InRange(pacer.NextDue(100)!.Value.TotalMilliseconds, 899, 901);

        _clock.Advance(TimeSpan.FromSeconds(1) - Interval);
        Assert.Equal(2, pacer.TakeForParticipants(100)!.Value.Merged.Seq);
    }

    [Fact]
    public void Seqs_that_carry_nothing_for_participants_wait_for_their_next_batch_or_a_quiet_second()
    {
        var pacer = Pacer();
        pacer.Add(Batches.ForStaffOnly(1));
        Assert.Equal(1, pacer.TakeForStaff()!.Seq);
        Assert.Null(pacer.TakeForParticipants(10));
        Assert.Equal(SendPacer.QuietDelay, pacer.NextDue(10));

        // The session stays busy: still held back.
        _clock.AdvanceMilliseconds(500);
        pacer.Add(Batches.ForStaffOnly(2));
        Assert.Null(pacer.TakeForParticipants(10));

        // Its next batch with news carries them (From covers them) at once.
        pacer.Add(Batches.ForEveryone(3));
        var (merged, _) = pacer.TakeForParticipants(10)!.Value;
        Assert.Equal((1L, 3L), (merged.From, merged.Seq));

        // Or, with no news, a quiet second sends them.
        pacer.Add(Batches.ForStaffOnly(4));
        _clock.Advance(SendPacer.QuietDelay - TimeSpan.FromTicks(1));
        Assert.Null(pacer.TakeForParticipants(10));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(4, pacer.TakeForParticipants(10)!.Value.Merged.Seq);
    }

    [Fact]
    public void Personal_events_have_their_own_lane_paced_apart_from_the_staff()
    {
        var pacer = Pacer();
        pacer.Add(Batches.ForEveryone(1));
        pacer.TakeForStaff();
        pacer.TakeForParticipants(10);

        // The staff was just sent; personal events were not: they go at once.
        pacer.Add(Batches.ForOne(2, "alice"));
        Assert.Null(pacer.TakeForStaff());
        var personal = pacer.TakeForPersonal()!;
        Assert.Equal(2, personal.Seq);
        Assert.Single(personal.Personal());

        pacer.Add(Batches.ForOne(3, "bob"));
        pacer.Add(Batches.ForOne(4, "alice"));
        Assert.Null(pacer.TakeForPersonal());
        _clock.Advance(Interval);
        var merged = pacer.TakeForPersonal()!;
        Assert.Equal((3L, 4L), (merged.From, merged.Seq));
        Assert.Equal(["bob", "alice"], merged.Personal().Select(p => p.ParticipantId));
    }
}
