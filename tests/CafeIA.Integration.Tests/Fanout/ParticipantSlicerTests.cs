using CafeIA.Gateway.Fanout;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>How a large participants' group is placed in slice groups, and sent step by step.</summary>
public sealed class ParticipantSlicerTests
{
    private static readonly Guid Session = Guid.NewGuid();

    private static ParticipantSlicer Slicer(int sliceAbove = 4, int slices = 3, int screensPerSlice = 4) =>
        new(Session, new FanoutOptions { SliceAbove = sliceAbove, Slices = slices, ScreensPerSlice = screensPerSlice });

    private static string Slice(int k) => SessionFanout.SliceGroupName(Session, k);

    [Fact]
    public void A_small_group_is_not_sliced_then_every_screen_is_placed_in_turn_once_it_grows_large()
    {
        var slicer = Slicer();
        for (var i = 0; i < 4; i++)
        {
            Assert.Empty(slicer.Joined($"c{i}"));
        }
        Assert.False(slicer.IsSliced);

        var placed = slicer.Joined("c4");
        Assert.True(slicer.IsSliced);
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], placed.Select(p => p.ConnectionId).Order());
        Assert.Equal([Slice(0), Slice(1), Slice(2), Slice(0), Slice(1)], placed.Select(p => p.SliceGroup));

        // Each newcomer after that goes to the next slice; a screen seen twice is placed once.
        Assert.Equal([("c5", Slice(2))], slicer.Joined("c5"));
        Assert.Empty(slicer.Joined("c5"));
        Assert.Equal([("c6", Slice(0))], slicer.Joined("c6"));
    }

    [Fact]
    public void A_sliced_send_reaches_about_the_screens_per_slice_each_step()
    {
        // 32 slices of about 300 screens: 1,000 screens in 4 steps of 8 slice groups, 10,000 in all 32.
        var slicer = new ParticipantSlicer(Session, new FanoutOptions());
        for (var i = 0; i < 1_000; i++)
        {
            slicer.Joined($"c{i}");
        }
        var steps = slicer.Steps().ToList();
        Assert.Equal(4, steps.Count);
        Assert.All(steps, step => Assert.Equal(8, step.Length));
        Assert.Equal(32, steps.SelectMany(s => s).Distinct().Count());

        for (var i = 1_000; i < 10_000; i++)
        {
            slicer.Joined($"c{i}");
        }
        Assert.Equal(32, slicer.Steps().Count());
    }

    [Fact]
    public void Screens_that_left_no_longer_count_towards_the_steps()
    {
        var slicer = Slicer(sliceAbove: 2, slices: 4, screensPerSlice: 2);
        for (var i = 0; i < 8; i++)
        {
            slicer.Joined($"c{i}");
        }
        Assert.Equal([[Slice(0)], [Slice(1)], [Slice(2)], [Slice(3)]], slicer.Steps());
        for (var i = 0; i < 6; i++)
        {
            slicer.Left($"c{i}");
        }
        Assert.Equal([[Slice(0), Slice(1), Slice(2), Slice(3)]], slicer.Steps());
    }
}
