using CafeIA.Gateway.Fanout;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>What a screen that just joined missed, by its snapshot's seq and its group.</summary>
public sealed class JoinerCatchUpTests
{
    [Fact]
    public void A_joiner_whose_snapshot_is_at_what_its_group_was_sent_missed_nothing()
    {
        var catchUp = new JoinerCatchUp();
        catchUp.Retain(Batches.ForEveryone(1));
        catchUp.Sent(Audience.Staff, 1);

        Assert.Equal(JoinerCatchUp.Missed.Nothing, catchUp.For(Audience.Staff, afterSeq: 1));
        // The participants' group was not sent it yet: it will get it with the group.
        Assert.Equal(JoinerCatchUp.Missed.Nothing, catchUp.For(Audience.Participants, afterSeq: 0));
    }

    [Fact]
    public void What_its_group_was_sent_after_the_snapshot_is_replayed_merged()
    {
        var catchUp = new JoinerCatchUp();
        for (var seq = 1; seq <= 5; seq++)
        {
            catchUp.Retain(Batches.ForEveryone(seq));
        }
        catchUp.Sent(Audience.Participants, 4);
        catchUp.Sent(Audience.Staff, 5);

        var participant = catchUp.For(Audience.Participants, afterSeq: 2).Replay!;
        Assert.Equal((3L, 4L), (participant.From, participant.Seq));
        // The projector's group is paced with the staff's.
        var projector = catchUp.For(Audience.Projector, afterSeq: 2).Replay!;
        Assert.Equal((3L, 5L), (projector.From, projector.Seq));
    }

    [Fact]
    public void Batches_no_longer_retained_mean_a_fresh_snapshot()
    {
        var catchUp = new JoinerCatchUp();
        for (var seq = 1; seq <= JoinerCatchUp.Retained + 10; seq++)
        {
            catchUp.Retain(Batches.ForEveryone(seq));
        }
        catchUp.Sent(Audience.Participants, JoinerCatchUp.Retained + 10);

        Assert.True(catchUp.For(Audience.Participants, afterSeq: 5).IsLost);
        Assert.False(catchUp.For(Audience.Participants, afterSeq: 10).IsLost);
    }
}
