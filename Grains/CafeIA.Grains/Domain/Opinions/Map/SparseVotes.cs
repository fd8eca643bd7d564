namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The matrix's votes on statements not excluded, row by row (compressed sparse rows: participant
/// p's votes are at <see cref="Start"/>[p] .. <see cref="Start"/>[p + 1], statements ascending), and
/// the per-statement counts and means the math needs. Built once per run.
/// </summary>
internal sealed class SparseVotes
{
    public required int Participants { get; init; }
    public required int Statements { get; init; }
    public required int[] Start { get; init; }
    public required int[] Statement { get; init; }
    public required sbyte[] Value { get; init; }

    /// <summary>Votes cast per statement, and their mean (0 when nobody voted: the imputed value is then 0).</summary>
    public required int[] Seen { get; init; }
    public required double[] Mean { get; init; }

    /// <summary>Statements not excluded (voted on or not).</summary>
    public required int ActiveStatements { get; init; }

    /// <summary>Statements with at least one vote.</summary>
    public required int VotedStatements { get; init; }

    public int VotesOf(int participant) => Start[participant + 1] - Start[participant];

    public static SparseVotes From(VoteMatrix votes) => From(votes, null);

    /// <param name="columns">
    /// Which matrix statement each column is (−1: one the matrix does not have), e.g. a programme's
    /// national statements in a café's matrix; null: the matrix's own statements in order.
    /// </param>
    public static SparseVotes From(VoteMatrix votes, int[]? columns)
    {
        var n = votes.Participants;
        var s = columns?.Length ?? votes.Statements;
        var column = columns ?? Enumerable.Range(0, s).ToArray();
        var active = new bool[s];
        var activeCount = 0;
        for (var c = 0; c < s; c++)
        {
            active[c] = column[c] >= 0 && !votes.IsExcluded(column[c]);
            activeCount += active[c] ? 1 : 0;
        }
        var start = new int[n + 1];
        for (var p = 0; p < n; p++)
        {
            var row = votes.Row(p);
            var count = 0;
            for (var c = 0; c < s; c++)
            {
                if (active[c] && column[c] < row.Length && row[column[c]] != VoteMatrix.None)
                {
                    count++;
                }
            }
            start[p + 1] = start[p] + count;
        }
        var (statement, value) = (new int[start[n]], new sbyte[start[n]]);
        var (seen, sum) = (new int[s], new long[s]);
        for (var p = 0; p < n; p++)
        {
            var row = votes.Row(p);
            var at = start[p];
            for (var c = 0; c < s; c++)
            {
                if (active[c] && column[c] < row.Length && row[column[c]] is var v && v != VoteMatrix.None)
                {
                    statement[at] = c;
                    value[at++] = v;
                    seen[c]++;
                    sum[c] += v;
                }
            }
        }
        var mean = new double[s];
        var voted = 0;
        for (var j = 0; j < s; j++)
        {
            if (seen[j] > 0)
            {
                mean[j] = (double)sum[j] / seen[j];
                voted++;
            }
        }
        return new SparseVotes
        {
            Participants = n, Statements = s, Start = start, Statement = statement, Value = value,
            Seen = seen, Mean = mean, ActiveStatements = activeCount, VotedStatements = voted,
        };
    }
}
