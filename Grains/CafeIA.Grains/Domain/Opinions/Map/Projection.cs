namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// A participant's place on the plane: Σ over their votes of (v_j − m_j) · component_j (a missing
/// vote, filled with the mean, adds nothing), scaled by √(statements / votes cast) so that people
/// with few votes are not pulled to the centre (pol.is's sparsity-aware projection). "Statements"
/// counts those with at least one vote: a new statement nobody voted on yet changes no dot.
/// </summary>
internal static class Projection
{
    public static (double X, double Y) Of(SparseVotes votes, int participant, double[] first, double[] second) =>
        Of(votes, participant, first, second, votes.Mean, votes.VotedStatements);

    /// <summary>The same with given means and statement count (a café projecting with the national components).</summary>
    public static (double X, double Y) Of(SparseVotes votes, int participant, double[] first, double[] second, double[] mean, int votedStatements)
    {
        var (x, y) = (0.0, 0.0);
        var (from, to) = (votes.Start[participant], votes.Start[participant + 1]);
        if (to == from)
        {
            return (0, 0);
        }
        for (var at = from; at < to; at++)
        {
            var j = votes.Statement[at];
            var centred = votes.Value[at] - mean[j];
            x += centred * first[j];
            y += centred * second[j];
        }
        var scale = Math.Sqrt((double)votedStatements / (to - from));
        return (x * scale, y * scale);
    }
}

/// <summary>
/// Raw projection units per map unit, so the dots fit in [−1, 1]. The largest |coordinate| sets it,
/// with 5 % headroom and hysteresis: the previous scale is kept while the largest coordinate stays
/// between 70 % and 100 % of it, so one more vote does not rescale (and so move) every dot.
/// </summary>
internal static class MapScale
{
    public const double Headroom = 1.05, Shrink = 0.7;

    /// <returns>The scale, or 0 when every dot is at the centre.</returns>
    public static double Choose(double largest, double previous)
    {
        if (largest < 1e-9)
        {
            return 0;
        }
        return previous > 0 && largest <= previous && largest >= Shrink * previous ? previous : largest * Headroom;
    }
}
