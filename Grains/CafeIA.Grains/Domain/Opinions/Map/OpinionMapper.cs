namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// One recompute of the opinion map (pol.is's method, our code): the plane of the two principal
/// components of the vote matrix (missing votes filled with the statement's mean), each clustered
/// participant's dot on it, base clusters, 2 to 5 groups, their representative statements and the
/// group-informed consensus. Plain arrays throughout: ≤ 200 ms at 1,000 × 100 (docs/BENCHMARKS.md).
/// </summary>
public static class OpinionMapper
{
    /// <summary>Fewer clustered participants than this make no groups.</summary>
    public const int GroupsNeed = 4;

    /// <param name="previous">The previous run's <see cref="OpinionMap.Memory"/>, or null for a cold start.</param>
    public static OpinionMap Compute(VoteMatrix votes, OpinionMapMemory? previous)
    {
        ArgumentNullException.ThrowIfNull(votes);
        previous ??= OpinionMapMemory.None;
        var sparse = SparseVotes.From(votes);
        var s = sparse.Statements;
        var (first, second) = PrincipalPlane.Find(Covariance.Of(sparse), s, previous.ComponentsFor(votes));

        var clustered = ClusteredSet.Choose(votes, sparse, previous.Clustered);
        var xy = new double[2 * clustered.Length];
        var largest = 0.0;
        for (var i = 0; i < clustered.Length; i++)
        {
            var (x, y) = Projection.Of(sparse, clustered[i], first, second);
            (xy[2 * i], xy[2 * i + 1]) = (x, y);
            largest = Math.Max(largest, Math.Max(Math.Abs(x), Math.Abs(y)));
        }
        var scale = MapScale.Choose(largest, previous.Scale);
        for (var i = 0; i < xy.Length; i++)
        {
            xy[i] = scale > 0 ? xy[i] / scale : 0;
        }

        var bases = clustered.Length >= GroupsNeed ? BaseClusters.Of(xy, previous.BaseCentres) : null;
        var choice = bases is null ? null : GroupChoice.Choose(bases, previous.Groups, previous.GroupCount);
        var groupOfPoint = new int[clustered.Length];
        GroupVotes tallies;
        int[] ids = [];
        GroupCentre[] centres = [];
        if (choice is { } c)
        {
            var k = c.Clustering.K;
            var (sumX, sumY, size) = (new double[k], new double[k], new double[k]);
            tallies = new GroupVotes(k, s);
            for (var i = 0; i < clustered.Length; i++)
            {
                var g = c.Clustering.Assignment[bases!.Assignment[i]];
                groupOfPoint[i] = g;
                sumX[g] += xy[2 * i];
                sumY[g] += xy[2 * i + 1];
                size[g]++;
                tallies.Add(sparse, clustered[i], g);
            }
            var groupCentres = new double[2 * k];
            for (var g = 0; g < k; g++)
            {
                (groupCentres[2 * g], groupCentres[2 * g + 1]) = (sumX[g] / size[g], sumY[g] / size[g]);
            }
            ids = GroupIds.Assign(groupCentres, size, previous.Groups);
            centres = Enumerable.Range(0, k).Select(g => new GroupCentre(ids[g], groupCentres[2 * g], groupCentres[2 * g + 1]))
                .OrderBy(g => g.Id).ToArray();
        }
        else
        {
            // No groups yet: everyone who voted counts as one group for the consensus.
            tallies = new GroupVotes(1, s);
            for (var p = 0; p < sparse.Participants; p++)
            {
                tallies.Add(sparse, p, 0);
            }
        }

        string StatementId(int j) => votes.StatementId(j);
        bool Active(int j) => !votes.IsExcluded(j);
        var points = new Dictionary<string, MapPoint>(clustered.Length, StringComparer.Ordinal);
        var members = ids.Select(_ => new List<string>()).ToArray();
        for (var i = 0; i < clustered.Length; i++)
        {
            var id = votes.ParticipantId(clustered[i]);
            var group = choice is null ? MapPoint.NoGroup : ids[groupOfPoint[i]];
            points[id] = new MapPoint(xy[2 * i], xy[2 * i + 1], group);
            if (choice is not null)
            {
                members[groupOfPoint[i]].Add(id);
            }
        }
        var groups = Enumerable.Range(0, ids.Length)
            .Select(g => new OpinionGroup(ids[g], members[g], Representativeness.Of(tallies, g, StatementId, Active)))
            .OrderBy(g => g.Id).ToArray();
        var divisiveness = new Dictionary<string, double>(s, StringComparer.Ordinal);
        for (var j = 0; j < s; j++)
        {
            // A statement no counted voter saw is not known to be consensual: NextStatement's prior applies.
            if (sparse.Seen[j] > 0)
            {
                divisiveness[votes.StatementId(j)] = Consensus.Divisiveness(tallies, j);
            }
        }
        var statementIds = new string[s];
        for (var j = 0; j < s; j++)
        {
            statementIds[j] = votes.StatementId(j);
        }
        var memory = new OpinionMapMemory
        {
            Runs = previous.Runs + 1,
            StatementIds = statementIds,
            First = first,
            Second = second,
            Clustered = [.. points.Keys],
            Scale = scale > 0 ? scale : previous.Scale,
            BaseCentres = bases?.Centres ?? [],
            Groups = centres,
            GroupCount = choice?.History ?? GroupCountHistory.None,
            Divisiveness = divisiveness,
        };
        return new OpinionMap(points, groups, Consensus.Of(tallies, StatementId, Active), memory);
    }
}
