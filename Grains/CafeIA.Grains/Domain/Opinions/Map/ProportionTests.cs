namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The z-tests behind representative statements, on smoothed proportions (one pseudo-vote each way,
/// so no group of 1 is ever certain), as pol.is does: is a group's rate above one half, and above
/// the rest of the groups' rate.
/// </summary>
internal static class ProportionTests
{
    /// <summary>One-sided 90 % (pol.is's threshold).</summary>
    public const double Significant = 1.2816;

    /// <summary>z of the smoothed rate (1 + s) / (2 + n) against ½ over n + 2 trials.</summary>
    public static double AgainstHalf(long successes, long trials) =>
        (GroupVotes.Smoothed(successes, trials) - 0.5) * 2 * Math.Sqrt(trials + 2.0);

    /// <summary>z of a group's smoothed rate against the others', with the pooled rate for the variance.</summary>
    public static double AgainstRest(long successes, long trials, long restSuccesses, long restTrials)
    {
        var (p1, p2) = (GroupVotes.Smoothed(successes, trials), GroupVotes.Smoothed(restSuccesses, restTrials));
        var (n1, n2) = (trials + 2.0, restTrials + 2.0);
        var pooled = (successes + restSuccesses + 2.0) / (n1 + n2);
        var variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        return variance <= 0 ? 0 : (p1 - p2) / Math.Sqrt(variance);
    }
}
