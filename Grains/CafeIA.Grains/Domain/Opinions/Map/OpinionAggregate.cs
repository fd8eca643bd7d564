namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// A café's votes reduced to the sums the national principal components need, over the
/// programme's statements (national ids, in pool order): per statement the votes seen and their
/// sum; per pair of statements j ≥ k (lower triangle, packed row by row at j(j + 1)/2 + k, so a
/// longer pool only appends) how many voted both, Σ v_j·v_k, Σ v_j and Σ v_k over them. With
/// those, the covariance of the whole country's matrix with mean imputation is exact
/// (<see cref="NationalComponents.FromAggregate"/>) though no one ever holds that matrix. Integer
/// sums: <see cref="Merge"/> is exactly associative and commutative, so shards may add them in
/// any grouping. About 2 S² ints (320 kB at 200 statements).
/// </summary>
public sealed class OpinionAggregate
{
    /// <exception cref="ArgumentException">The arrays do not fit the statements.</exception>
    public OpinionAggregate(string[] statementIds, int participants, int[] seen, int[] sum, int[] both, int[] product, int[] sumOfFirst, int[] sumOfSecond)
    {
        ArgumentNullException.ThrowIfNull(statementIds);
        var (s, t) = (statementIds.Length, Pairs(statementIds.Length));
        if (seen.Length != s || sum.Length != s || both.Length != t || product.Length != t || sumOfFirst.Length != t || sumOfSecond.Length != t)
        {
            throw new ArgumentException("An aggregate holds one count per statement and one per pair of statements.");
        }
        (StatementIds, Participants, Seen, Sum, Both, Product, SumOfFirst, SumOfSecond) =
            (statementIds, participants, seen, sum, both, product, sumOfFirst, sumOfSecond);
    }

    public string[] StatementIds { get; }

    /// <summary>Participants with at least one vote on these statements.</summary>
    public int Participants { get; }

    public int[] Seen { get; }
    public int[] Sum { get; }

    /// <summary>Per pair j ≥ k (at <see cref="Pair"/>): participants who voted on both.</summary>
    public int[] Both { get; }

    /// <summary>Per pair j ≥ k: Σ v_j · v_k over them.</summary>
    public int[] Product { get; }

    /// <summary>Per pair j ≥ k: Σ v_j over them.</summary>
    public int[] SumOfFirst { get; }

    /// <summary>Per pair j ≥ k: Σ v_k over them.</summary>
    public int[] SumOfSecond { get; }

    public static int Pair(int j, int k) => j * (j + 1) / 2 + k;

    public static int Pairs(int statements) => statements * (statements + 1) / 2;

    public static OpinionAggregate Empty(string[] statementIds) =>
        new(statementIds, 0, new int[statementIds.Length], new int[statementIds.Length],
            new int[Pairs(statementIds.Length)], new int[Pairs(statementIds.Length)], new int[Pairs(statementIds.Length)], new int[Pairs(statementIds.Length)]);

    /// <summary>A café's aggregate over the national statements.</summary>
    /// <param name="statementIds">The national statements, in pool order.</param>
    /// <param name="localId">The café matrix's id of a national statement (null: the same id; a null result: the café does not have it).</param>
    public static OpinionAggregate From(VoteMatrix votes, IReadOnlyList<string> statementIds, Func<string, string?>? localId = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(statementIds);
        var ids = statementIds.ToArray();
        var sparse = SparseVotes.From(votes, Columns(votes, ids, localId));
        var aggregate = Empty(ids);
        var participants = 0;
        for (var p = 0; p < sparse.Participants; p++)
        {
            var (from, to) = (sparse.Start[p], sparse.Start[p + 1]);
            participants += to > from ? 1 : 0;
            for (var a = from; a < to; a++)
            {
                var (j, vj) = (sparse.Statement[a], sparse.Value[a]);
                aggregate.Seen[j]++;
                aggregate.Sum[j] += vj;
                var row = j * (j + 1) / 2;
                // Statements ascend within a row: b ≤ a gives k ≤ j.
                for (var b = from; b <= a; b++)
                {
                    var (k, vk) = (sparse.Statement[b], sparse.Value[b]);
                    var cell = row + k;
                    aggregate.Both[cell]++;
                    aggregate.Product[cell] += vj * vk;
                    aggregate.SumOfFirst[cell] += vj;
                    aggregate.SumOfSecond[cell] += vk;
                }
            }
        }
        return new(ids, participants, aggregate.Seen, aggregate.Sum, aggregate.Both, aggregate.Product, aggregate.SumOfFirst, aggregate.SumOfSecond);
    }

    /// <summary>
    /// The sum of two aggregates. Their statements must be the same, or one list the beginning of
    /// the other (the pool grew between them): the result has the longer list.
    /// </summary>
    /// <exception cref="ArgumentException">The statement lists disagree.</exception>
    public OpinionAggregate Merge(OpinionAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (longer, shorter) = StatementIds.Length >= other.StatementIds.Length ? (this, other) : (other, this);
        for (var j = 0; j < shorter.StatementIds.Length; j++)
        {
            if (!string.Equals(shorter.StatementIds[j], longer.StatementIds[j], StringComparison.Ordinal))
            {
                throw new ArgumentException($"Aggregates over different statements ('{shorter.StatementIds[j]}' / '{longer.StatementIds[j]}' at {j}).", nameof(other));
            }
        }
        static int[] Add(int[] a, int[] b)
        {
            var result = (int[])a.Clone();
            for (var i = 0; i < b.Length; i++)
            {
                result[i] += b[i];
            }
            return result;
        }
        return new(longer.StatementIds, longer.Participants + shorter.Participants,
            Add(longer.Seen, shorter.Seen), Add(longer.Sum, shorter.Sum), Add(longer.Both, shorter.Both),
            Add(longer.Product, shorter.Product), Add(longer.SumOfFirst, shorter.SumOfFirst), Add(longer.SumOfSecond, shorter.SumOfSecond));
    }

    /// <summary>Each statement's mean vote (0 when nobody voted).</summary>
    public double[] Means()
    {
        var mean = new double[Seen.Length];
        for (var j = 0; j < mean.Length; j++)
        {
            mean[j] = Seen[j] > 0 ? (double)Sum[j] / Seen[j] : 0;
        }
        return mean;
    }

    /// <summary>
    /// The covariance of the merged matrix with every missing vote filled with its statement's
    /// mean: Σ over voters of both of (v_j − m_j)(v_k − m_k) = ΣvᵢvₖSum − m_k Σv_j − m_j Σv_k + m_j m_k n.
    /// </summary>
    internal double[] Covariance()
    {
        var s = Seen.Length;
        var mean = Means();
        var cov = new double[s * s];
        for (var j = 0; j < s; j++)
        {
            for (var k = 0; k <= j; k++)
            {
                var cell = Pair(j, k);
                var value = Product[cell] - mean[k] * SumOfFirst[cell] - mean[j] * SumOfSecond[cell] + mean[j] * mean[k] * Both[cell];
                cov[j * s + k] = value;
                cov[k * s + j] = value;
            }
        }
        return cov;
    }

    /// <summary>Matrix statement index of each national statement (−1: not in this café).</summary>
    internal static int[] Columns(VoteMatrix votes, string[] ids, Func<string, string?>? localId)
    {
        var columns = new int[ids.Length];
        for (var c = 0; c < ids.Length; c++)
        {
            var local = localId is null ? ids[c] : localId(ids[c]);
            columns[c] = local is null ? -1 : votes.IndexOfStatement(local);
        }
        return columns;
    }
}
