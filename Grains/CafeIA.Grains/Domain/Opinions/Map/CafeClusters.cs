namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// A café's participants on the national plane, reduced to a few weighted clusters: what the café
/// sends the programme instead of its people. Coordinates are raw projection units (the programme
/// scales the national map); the vote sums are per national statement, aligned with
/// <see cref="StatementIds"/>.
/// </summary>
/// <param name="ComponentsVersion">The <see cref="NationalComponents.Version"/> the café projected with.</param>
public sealed record CafeClusters(string CafeId, int ComponentsVersion, string[] StatementIds, IReadOnlyList<CafeCluster> Clusters)
{
    /// <summary>At most this many clusters per café by default: with 20 people, one or two each.</summary>
    public const int DefaultMost = 12;

    /// <summary>
    /// Projects the café's placed participants (the same rule as a café's own map: at least
    /// min(7, statements) votes on national statements, topped up to 15) with the national
    /// components, then k-means into at most <paramref name="most"/> clusters (each person their
    /// own when there are fewer).
    /// </summary>
    /// <param name="isOnsite">Whether a participant is in the room (else remote), for the on-site/remote split.</param>
    /// <param name="localId">The café matrix's id of a national statement (null: the same; a null result: not in this café).</param>
    public static CafeReduction Reduce(string cafeId, VoteMatrix votes, NationalComponents components, Func<string, bool> isOnsite,
        int most = DefaultMost, Func<string, string?>? localId = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(isOnsite);
        var s = components.StatementIds.Length;
        var sparse = SparseVotes.From(votes, OpinionAggregate.Columns(votes, components.StatementIds, localId));
        var placed = ClusteredSet.Choose(votes, sparse, []);
        var xy = new double[2 * placed.Length];
        for (var i = 0; i < placed.Length; i++)
        {
            (xy[2 * i], xy[2 * i + 1]) = Projection.Of(sparse, placed[i], components.First, components.Second, components.Mean, components.VotedStatements);
        }
        var ones = new double[placed.Length];
        Array.Fill(ones, 1.0);
        var k = Math.Min(Math.Max(1, most), placed.Length);
        var assignment = placed.Length <= k
            ? Enumerable.Range(0, placed.Length).ToArray()
            : KMeans.Run(xy, ones, KMeans.FarthestFirst(xy, ones, k), BaseClusters.Iterations).Assignment;
        // Renumber the clusters in use 0.. in order of first member.
        var number = new Dictionary<int, int>();
        var members = new List<List<int>>();
        foreach (var (c, i) in assignment.Select((c, i) => (c, i)))
        {
            if (!number.TryGetValue(c, out var n))
            {
                number[c] = n = members.Count;
                members.Add([]);
            }
            members[n].Add(i);
        }
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusters = new List<CafeCluster>();
        foreach (var group in members)
        {
            var (x, y, onsite) = (0.0, 0.0, 0);
            var (agree, disagree, seen) = (new int[s], new int[s], new int[s]);
            foreach (var i in group)
            {
                var p = placed[i];
                var id = votes.ParticipantId(p);
                clusterOf[id] = clusters.Count;
                x += xy[2 * i];
                y += xy[2 * i + 1];
                onsite += isOnsite(id) ? 1 : 0;
                for (var at = sparse.Start[p]; at < sparse.Start[p + 1]; at++)
                {
                    var j = sparse.Statement[at];
                    seen[j]++;
                    agree[j] += sparse.Value[at] == VoteMatrix.Agree ? 1 : 0;
                    disagree[j] += sparse.Value[at] == VoteMatrix.Disagree ? 1 : 0;
                }
            }
            clusters.Add(new CafeCluster(x / group.Count, y / group.Count, group.Count, onsite, group.Count - onsite, agree, disagree, seen));
        }
        return new CafeReduction(new CafeClusters(cafeId, components.Version, components.StatementIds, clusters), clusterOf);
    }
}

/// <summary>A cluster of a café's participants on the national plane.</summary>
/// <param name="X">Mean raw projection of the members (not scaled to [−1, 1]).</param>
/// <param name="Weight">Members.</param>
/// <param name="Agree">Per national statement: members who agreed.</param>
/// <param name="Seen">Per national statement: members who voted (pass included).</param>
public sealed record CafeCluster(double X, double Y, int Weight, int Onsite, int Remote, int[] Agree, int[] Disagree, int[] Seen);

/// <summary>What <see cref="CafeClusters.Reduce"/> gives: the clusters for the programme, and which cluster each participant is in, which stays in the café.</summary>
public sealed record CafeReduction(CafeClusters Clusters, IReadOnlyDictionary<string, int> ClusterOf);
