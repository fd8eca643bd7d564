namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The national map, the last stage: all cafés' clusters (<see cref="CafeClusters"/>) scaled into
/// [−1, 1], reduced to at most 100 national base clusters, grouped into 2–5 groups exactly as a
/// café's map is (<see cref="GroupChoice"/>: silhouette, k kept stable, ids matched to the
/// previous run's centres), the groups' representative statements and the consensus computed from
/// the clusters' summed vote counts. Its input grows with the number of cafés × 12, never with
/// the number of people.
/// </summary>
public static class NationalMapper
{
    public static NationalMap Compute(NationalComponents components, IReadOnlyList<CafeClusters> cafes, NationalMapMemory? previous)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(cafes);
        previous ??= NationalMapMemory.None;
        var s = components.StatementIds.Length;
        var all = new List<(int Cafe, int Cluster, CafeCluster Value)>();
        for (var c = 0; c < cafes.Count; c++)
        {
            var cafe = cafes[c];
            for (var j = 0; j < Math.Min(cafe.StatementIds.Length, s); j++)
            {
                if (!string.Equals(cafe.StatementIds[j], components.StatementIds[j], StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Café {cafe.CafeId} counts votes on other statements than the national ones.", nameof(cafes));
                }
            }
            for (var i = 0; i < cafe.Clusters.Count; i++)
            {
                if (cafe.Clusters[i].Weight > 0)
                {
                    all.Add((c, i, cafe.Clusters[i]));
                }
            }
        }
        var (xy, weight) = (new double[2 * all.Count], new double[all.Count]);
        var largest = 0.0;
        for (var i = 0; i < all.Count; i++)
        {
            (xy[2 * i], xy[2 * i + 1], weight[i]) = (all[i].Value.X, all[i].Value.Y, all[i].Value.Weight);
            largest = Math.Max(largest, Math.Max(Math.Abs(all[i].Value.X), Math.Abs(all[i].Value.Y)));
        }
        var scale = MapScale.Choose(largest, previous.Scale);
        for (var i = 0; i < xy.Length; i++)
        {
            xy[i] = scale > 0 ? xy[i] / scale : 0;
        }
        var people = weight.Sum();
        var bases = people >= OpinionMapper.GroupsNeed ? BaseClusters.Of(xy, weight, previous.BaseCentres) : null;
        var choice = bases is null ? null : GroupChoice.Choose(bases, previous.Groups, previous.GroupCount);
        var k = choice?.Clustering.K ?? 1;
        var tallies = new GroupVotes(k, s);
        var groupOfCluster = new int[all.Count];
        var (sumX, sumY, size, onsite) = (new double[k], new double[k], new double[k], new int[k]);
        for (var i = 0; i < all.Count; i++)
        {
            var g = choice is { } c ? c.Clustering.Assignment[bases!.Assignment[i]] : 0;
            groupOfCluster[i] = g;
            var cluster = all[i].Value;
            sumX[g] += cluster.Weight * xy[2 * i];
            sumY[g] += cluster.Weight * xy[2 * i + 1];
            size[g] += cluster.Weight;
            onsite[g] += cluster.Onsite;
            for (var j = 0; j < Math.Min(s, cluster.Seen.Length); j++)
            {
                tallies.Add(g, j, cluster.Agree[j], cluster.Disagree[j], cluster.Seen[j]);
            }
        }
        string StatementId(int j) => components.StatementIds[j];
        static bool Active(int j) => true;
        int[] ids = [];
        GroupCentre[] centres = [];
        var groups = new List<NationalGroup>();
        if (choice is not null)
        {
            var groupCentres = new double[2 * k];
            for (var g = 0; g < k; g++)
            {
                (groupCentres[2 * g], groupCentres[2 * g + 1]) = (sumX[g] / size[g], sumY[g] / size[g]);
            }
            ids = GroupIds.Assign(groupCentres, size, previous.Groups);
            centres = Enumerable.Range(0, k).Select(g => new GroupCentre(ids[g], groupCentres[2 * g], groupCentres[2 * g + 1])).OrderBy(g => g.Id).ToArray();
            for (var g = 0; g < k; g++)
            {
                groups.Add(new NationalGroup(ids[g], (int)size[g], onsite[g], (int)size[g] - onsite[g], Representativeness.Of(tallies, g, StatementId, Active)));
            }
            groups.Sort((a, b) => a.Id.CompareTo(b.Id));
        }
        var cafeGroups = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var c = 0; c < cafes.Count; c++)
        {
            var groupOf = new int[cafes[c].Clusters.Count];
            Array.Fill(groupOf, MapPoint.NoGroup);
            cafeGroups[cafes[c].CafeId] = groupOf;
        }
        for (var i = 0; i < all.Count; i++)
        {
            cafeGroups[cafes[all[i].Cafe].CafeId][all[i].Cluster] = choice is null ? MapPoint.NoGroup : ids[groupOfCluster[i]];
        }
        var dots = new List<NationalDot>();
        if (bases is not null)
        {
            var (dotOnsite, dotGroup) = (new int[bases.Count], new int[bases.Count]);
            Array.Fill(dotGroup, MapPoint.NoGroup);
            for (var i = 0; i < all.Count; i++)
            {
                dotOnsite[bases.Assignment[i]] += all[i].Value.Onsite;
                dotGroup[bases.Assignment[i]] = choice is null ? MapPoint.NoGroup : ids[groupOfCluster[i]];
            }
            for (var b = 0; b < bases.Count; b++)
            {
                var w = (int)bases.Weights[b];
                dots.Add(new NationalDot(bases.Centres[2 * b], bases.Centres[2 * b + 1], w, dotOnsite[b], w - dotOnsite[b], dotGroup[b]));
            }
        }
        var memory = new NationalMapMemory
        {
            Runs = previous.Runs + 1,
            Scale = scale > 0 ? scale : previous.Scale,
            BaseCentres = bases?.Centres ?? [],
            Groups = centres,
            GroupCount = choice?.History ?? GroupCountHistory.None,
        };
        return new NationalMap(dots, groups, Consensus.Of(tallies, StatementId, Active), cafeGroups, memory);
    }
}

/// <summary>The national map.</summary>
/// <param name="Dots">The national base clusters (at most 100), weighted by their people.</param>
/// <param name="Groups">2 to 5 groups by id; none while too few people.</param>
/// <param name="Consensus">Every statement with votes, best first.</param>
/// <param name="CafeGroups">Per café id, the national group id of each of its clusters (<see cref="MapPoint.NoGroup"/> when none): a café gives its participants their national group through <see cref="CafeReduction.ClusterOf"/>.</param>
public sealed record NationalMap(
    IReadOnlyList<NationalDot> Dots,
    IReadOnlyList<NationalGroup> Groups,
    IReadOnlyList<ConsensusStatement> Consensus,
    IReadOnlyDictionary<string, int[]> CafeGroups,
    NationalMapMemory Memory);

/// <summary>A dot of the national map: a national base cluster. Coordinates in [−1, 1].</summary>
public sealed record NationalDot(double X, double Y, int Weight, int Onsite, int Remote, int Group);

/// <summary>A national group of opinion: sizes, not people.</summary>
public sealed record NationalGroup(int Id, int Size, int Onsite, int Remote, IReadOnlyList<RepresentativeStatement> Representative);

/// <summary>What one national run leaves for the next (scale, base and group centres, the group count's history); in memory only.</summary>
public sealed class NationalMapMemory
{
    public static NationalMapMemory None { get; } = new();

    public int Runs { get; internal init; }
    internal double Scale { get; init; }
    internal double[] BaseCentres { get; init; } = [];
    internal GroupCentre[] Groups { get; init; } = [];
    internal GroupCountHistory GroupCount { get; init; } = GroupCountHistory.Start;

    /// <summary>
    /// A new group count is waiting for its <see cref="GroupCountHistory.StableRuns"/> runs: run the
    /// grouping again on the same input, or a count proposed as the last reports arrive would wait for
    /// reports that never come, and the map would keep too few groups once the votes stop.
    /// </summary>
    public bool Settling => GroupCount.CandidateRuns > 0;
}
