namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The statements' covariance (unnormalised: a sum over participants) of the vote matrix with each
/// missing vote filled with its statement's mean. Centred, a filled cell is 0, so only the votes
/// cast contribute: Σ over a participant's pairs of votes of (v_j − m_j)(v_k − m_k).
/// </summary>
internal static class Covariance
{
    /// <returns>A symmetric statements × statements matrix, row-major.</returns>
    public static double[] Of(SparseVotes votes)
    {
        var s = votes.Statements;
        var cov = new double[s * s];
        // The participant's centred row, dense (0 where no vote), so each of their votes adds a
        // contiguous run of the upper triangle in SIMD steps rather than scattered cells.
        var row = new double[s];
        for (var p = 0; p < votes.Participants; p++)
        {
            var (from, to) = (votes.Start[p], votes.Start[p + 1]);
            if (to == from)
            {
                continue;
            }
            for (var at = from; at < to; at++)
            {
                var j = votes.Statement[at];
                row[j] = votes.Value[at] - votes.Mean[j];
            }
            var last = votes.Statement[to - 1] + 1;
            for (var at = from; at < to; at++)
            {
                var j = votes.Statement[at];
                Vectors.AddScaled(cov.AsSpan(j * s + j, last - j), row.AsSpan(j, last - j), row[j]);
            }
            for (var at = from; at < to; at++)
            {
                row[votes.Statement[at]] = 0;
            }
        }
        Mirror(cov, s);
        return cov;
    }

    /// <summary>Copies the upper triangle onto the lower one.</summary>
    public static void Mirror(double[] cov, int s)
    {
        for (var j = 0; j < s; j++)
        {
            for (var k = j + 1; k < s; k++)
            {
                cov[k * s + j] = cov[j * s + k];
            }
        }
    }
}
