namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Agree, disagree and seen counts per group and statement (index g · statements + j), the sums the
/// representative statements and the consensus are made of. The national map builds the same sums
/// from the cafés' base clusters.
/// </summary>
internal sealed class GroupVotes(int groups, int statements)
{
    public int Groups { get; } = groups;
    public int Statements { get; } = statements;
    public long[] Agree { get; } = new long[groups * statements];
    public long[] Disagree { get; } = new long[groups * statements];
    public long[] Seen { get; } = new long[groups * statements];

    public void Add(SparseVotes votes, int participant, int group)
    {
        var row = group * Statements;
        for (var at = votes.Start[participant]; at < votes.Start[participant + 1]; at++)
        {
            var cell = row + votes.Statement[at];
            Seen[cell]++;
            switch (votes.Value[at])
            {
                case VoteMatrix.Agree: Agree[cell]++; break;
                case VoteMatrix.Disagree: Disagree[cell]++; break;
            }
        }
    }

    public void Add(int group, int statement, long agree, long disagree, long seen)
    {
        var cell = group * Statements + statement;
        Agree[cell] += agree;
        Disagree[cell] += disagree;
        Seen[cell] += seen;
    }

    /// <summary>The smoothed agree rate (1 + A) / (2 + S) of a group.</summary>
    public double AgreeRate(int group, int statement) => Smoothed(Agree[group * Statements + statement], Seen[group * Statements + statement]);

    public static double Smoothed(long successes, long trials) => (1.0 + successes) / (2.0 + trials);
}
