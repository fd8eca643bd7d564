namespace CafeIA.Domain.Tests.Opinions;

/// <summary>The test helper itself: the index the map tests rely on must tell a good grouping from a bad one.</summary>
public sealed class AdjustedRandTests
{
    [Fact]
    public void Identical_groupings_up_to_renaming_score_1()
    {
        Assert.Equal(1, AdjustedRand.Index([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]), 9);
    }

    [Fact]
    public void A_grouping_unrelated_to_the_truth_scores_near_0_and_a_merge_scores_well_below_1()
    {
        var truth = Enumerable.Range(0, 90).Select(i => i / 30).ToArray();
        var interleaved = Enumerable.Range(0, 90).Select(i => i % 3).ToArray();
        Assert.InRange(AdjustedRand.Index(truth, interleaved), -0.1, 0.1);
        var merged = truth.Select(g => Math.Min(g, 1)).ToArray();
        Assert.InRange(AdjustedRand.Index(truth, merged), 0, 0.7);
    }
}
