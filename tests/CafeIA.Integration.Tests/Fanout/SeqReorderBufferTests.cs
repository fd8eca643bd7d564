using CafeIA.Gateway.Fanout;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>Batches put back in seq order, on a clock the test moves.</summary>
public sealed class SeqReorderBufferTests
{
    private readonly ManualClock _clock = new();

    private static long[] Seqs(IEnumerable<CafeIA.Wire.SessionChanges> batches) => [.. batches.Select(b => b.Seq)];

    [Fact]
    public void Batches_in_order_go_out_at_once()
    {
        var buffer = new SeqReorderBuffer(_clock);
        buffer.Add(Batches.ForEveryone(7));
        buffer.Add(Batches.ForEveryone(8));

        Assert.Equal([7, 8], Seqs(buffer.TakeReady()));
        Assert.False(buffer.HasGap);
        Assert.Null(buffer.GapDue());
    }

    [Fact]
    public void A_batch_that_arrives_early_waits_for_the_missing_one_then_both_go_in_order()
    {
        var buffer = new SeqReorderBuffer(_clock);
        buffer.Add(Batches.ForEveryone(1));
        Assert.Equal([1], Seqs(buffer.TakeReady()));

        buffer.Add(Batches.ForEveryone(3));
        Assert.Empty(buffer.TakeReady());
        Assert.True(buffer.HasGap);
        _clock.AdvanceMilliseconds(100);
        Assert.Equal(SeqReorderBuffer.Patience - TimeSpan.FromMilliseconds(100), buffer.GapDue());

        buffer.Add(Batches.ForEveryone(2));
        Assert.Equal([2, 3], Seqs(buffer.TakeReady()));
        Assert.False(buffer.HasGap);
    }

    [Fact]
    public void A_batch_that_never_comes_is_given_up_after_the_patience_and_what_follows_goes_out()
    {
        var buffer = new SeqReorderBuffer(_clock);
        buffer.Add(Batches.ForEveryone(1));
        buffer.TakeReady();
        buffer.Add(Batches.ForEveryone(3));
        buffer.Add(Batches.ForEveryone(4));
        Assert.Empty(buffer.TakeReady());

        _clock.Advance(SeqReorderBuffer.Patience - TimeSpan.FromTicks(1));
        Assert.Empty(buffer.TakeReady());
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.Zero, buffer.GapDue());
        Assert.Equal([3, 4], Seqs(buffer.TakeReady()));

        // The lost batch arriving late changes nothing: the screens resync on the gap.
        buffer.Add(Batches.ForEveryone(2));
        Assert.Empty(buffer.TakeReady());
        Assert.False(buffer.HasGap);
    }

    [Fact]
    public void A_merged_batch_is_placed_by_the_first_seq_it_covers_and_duplicates_are_dropped()
    {
        var buffer = new SeqReorderBuffer(_clock);
        buffer.Add(Batches.ForEveryone(5));
        buffer.TakeReady();
        buffer.Add(Batches.ForEveryone(8, from: 6));
        buffer.Add(Batches.ForEveryone(5));

        Assert.Equal([8], Seqs(buffer.TakeReady()));
        buffer.Add(Batches.ForEveryone(9));
        Assert.Equal([9], Seqs(buffer.TakeReady()));
    }
}
