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
        var index = new int[s];
        var centred = new double[s];
        for (var p = 0; p < votes.Participants; p++)
        {
            var d = 0;
            for (var at = votes.Start[p]; at < votes.Start[p + 1]; at++)
            {
                var j = votes.Statement[at];
                index[d] = j;
                centred[d++] = votes.Value[at] - votes.Mean[j];
            }
            // Statements ascend within a row, so (index[a], index[b ≥ a]) fills the upper triangle.
            for (var a = 0; a < d; a++)
            {
                var row = index[a] * s;
                var ca = centred[a];
                for (var b = a; b < d; b++)
                {
                    cov[row + index[b]] += ca * centred[b];
                }
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
