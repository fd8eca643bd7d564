namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Group-informed consensus: the product over groups of each group's smoothed agree rate
/// (A_g + 1) / (S_g + 2), high only when every group agrees (one group against pulls it down, how
/// many people each group has does not matter). Every statement seen by someone, best first;
/// among equals the earlier statement first.
/// </summary>
internal static class Consensus
{
    public static ConsensusStatement[] Of(GroupVotes votes, Func<int, string> statementId, Func<int, bool> active)
    {
        var s = votes.Statements;
        var scored = new List<(double Score, int Statement)>();
        for (var j = 0; j < s; j++)
        {
            if (!active(j))
            {
                continue;
            }
            var (score, seen) = (1.0, 0L);
            for (var g = 0; g < votes.Groups; g++)
            {
                score *= votes.AgreeRate(g, j);
                seen += votes.Seen[g * s + j];
            }
            if (seen > 0)
            {
                scored.Add((score, j));
            }
        }
        scored.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Statement.CompareTo(y.Statement));
        var result = new ConsensusStatement[scored.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ConsensusStatement(statementId(scored[i].Statement), scored[i].Score);
        }
        return result;
    }

    /// <summary>
    /// How much the groups disagree on a statement, in [0, 1]: the spread of their smoothed agree
    /// rates. With one group only (no grouping yet), how evenly it splits between agree and disagree.
    /// </summary>
    public static double Divisiveness(GroupVotes votes, int statement)
    {
        var s = votes.Statements;
        if (votes.Groups == 1)
        {
            var (a, d) = (votes.Agree[statement], votes.Disagree[statement]);
            return 1 - Math.Abs(a - d) / (a + d + 2.0);
        }
        var (low, high) = (1.0, 0.0);
        for (var g = 0; g < votes.Groups; g++)
        {
            var rate = votes.AgreeRate(g, statement);
            low = Math.Min(low, rate);
            high = Math.Max(high, rate);
        }
        return high - low;
    }
}
