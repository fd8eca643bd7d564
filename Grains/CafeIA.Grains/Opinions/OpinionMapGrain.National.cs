using CafeIA.Domain.Opinions.Map;
using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Programmes;
using CafeIA.Wire;

namespace CafeIA.Grains.Opinions;

/// <summary>
/// A programme opinion's café stage of the national map. After each local recompute the café sends
/// its programme's shard its sums over the national statements (<see cref="OpinionAggregate"/>)
/// and, once it has the national plane, its participants reduced to a few weighted clusters
/// (<see cref="CafeClusters"/>); it reduces again whenever a new plane arrives. The national map
/// comes back with each cluster's national group, which gives each placed participant theirs,
/// and goes to the session. Only this grain ever holds the café's matrix.
/// </summary>
public sealed partial class OpinionMapGrain
{
    /// <summary>
    /// Reductions kept to match a national map to the clusters it grouped. A map comes back a shard
    /// flush and a programme tick after its reduction, or later under load, while this café reduces
    /// again on each local recompute and each new plane: a few seconds of reductions.
    /// </summary>
    private const int ReductionsKept = 32;

    private readonly HashSet<string> _onsite = new(StringComparer.Ordinal);
    private NationalLink? _link;
    private Dictionary<string, string>? _localIds;
    private NationalComponents? _plane;
    private long _reduction;
    private readonly Dictionary<long, IReadOnlyDictionary<string, int>> _clusterOf = [];
    private long _reportSeq;

    public async Task NationalComponents(NationalComponentsReport components)
    {
        _plane = new NationalComponents(components.Version, components.StatementIds, components.Mean, components.First, components.Second, components.VotedStatements);
        if (_votes is null)
        {
            if (!await Rebuild(_sessionActivation))
            {
                return;
            }
            KeepTicking();
        }
        ReportNationally(clusters: true, sums: false);
    }

    public async Task NationalMap(NationalMapReport map)
    {
        // Reduction 0: this café has reported no clusters (no one placed yet); it still shows the national map.
        IReadOnlyDictionary<string, int> clusterOf = new Dictionary<string, int>();
        if (map.Reduction != 0 && !_clusterOf.TryGetValue(map.Reduction, out clusterOf!))
        {
            // A map of clusters this café no longer knows would take every participant's national
            // group away: keep the one published until a map of a known reduction comes.
            CafeMetrics.NationalMapUnmatched.Add(1);
            return;
        }
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (participantId, cluster) in clusterOf)
        {
            if (cluster < map.GroupOfCluster.Length && map.GroupOfCluster[cluster] != MapPoint.NoGroup)
            {
                groupOf[participantId] = map.GroupOfCluster[cluster];
            }
        }
        var (sessionId, opinionId) = Key;
        try
        {
            await grains.GetGrain<ISessionGrain>(sessionId).PublishNationalMap(opinionId, new NationalMapResult(map, groupOf));
        }
        catch (Exception ex)
        {
            // The next national map (at most a tick away while votes change) brings it again.
            LogPublishFailed(log, ex, opinionId);
        }
    }

    private void Voter(MapVote vote)
    {
        if (vote.Onsite)
        {
            _onsite.Add(vote.ParticipantId);
        }
        else
        {
            _onsite.Remove(vote.ParticipantId);
        }
    }

    private void Linked(NationalLink link)
    {
        _link = link;
        _localIds = [];
        for (var i = 0; i < link.StatementIds.Length; i++)
        {
            if (link.LocalIds[i] is { } local)
            {
                _localIds[link.StatementIds[i]] = local;
            }
        }
        _changed = true;
    }

    /// <summary>This café's sums and (with a plane) its clusters, to its programme's shard (one-way).</summary>
    private void ReportNationally(bool clusters, bool sums = true)
    {
        if (_link is not { } link || _votes is null || _localIds is null)
        {
            return;
        }
        var localIds = _localIds;
        string? LocalId(string nationalId) => localIds.GetValueOrDefault(nationalId);
        var cafe = this.GetPrimaryKeyString();
        var (sessionId, _) = Key;
        OpinionAggregateReport? aggregate = null;
        if (sums)
        {
            var a = OpinionAggregate.From(_votes, link.StatementIds, LocalId);
            aggregate = new OpinionAggregateReport(a.StatementIds, a.Participants, a.Seen, a.Sum, a.Both, a.Product, a.SumOfFirst, a.SumOfSecond);
        }
        CafeClustersReport? reduced = null;
        if (clusters && _plane is { } plane)
        {
            var reduction = CafeClusters.Reduce(cafe, _votes, plane, _onsite.Contains, localId: LocalId);
            _clusterOf[++_reduction] = reduction.ClusterOf;
            _clusterOf.Remove(_reduction - ReductionsKept);
            var c = reduction.Clusters;
            reduced = new CafeClustersReport(cafe, c.ComponentsVersion, c.StatementIds,
                [.. c.Clusters.Select(k => new CafeClusterReport(k.X, k.Y, k.Weight, k.Onsite, k.Remote, k.Agree, k.Disagree, k.Seen))], _reduction);
        }
        // Later reports replace earlier ones at the shard: a clock reading, kept increasing within this activation.
        _reportSeq = Math.Max(_reportSeq + 1, DateTime.UtcNow.Ticks);
        _ = grains.GetGrain<IProgrammeShardGrain>(ProgrammeShards.Key(link.ProgrammeId, sessionId))
            .ReportOpinion(cafe, link.ProgrammeOpinionId, aggregate, reduced, _reportSeq);
    }
}
