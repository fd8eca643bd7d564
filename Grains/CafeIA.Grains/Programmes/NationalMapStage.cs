using System.Diagnostics;
using CafeIA.Domain.Opinions.Map;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;

namespace CafeIA.Grains.Programmes;

/// <summary>
/// The last stage of a programme opinion's national map, run on the programme opinion's tick. Its
/// inputs are the shards' merged sums and the cafés' clusters, never a café's votes: when the sums
/// changed it derives the national plane (<see cref="NationalComponents.FromAggregate"/>, warm
/// started) and sends it to every café, which projects its own people and reports its clusters;
/// when clusters changed it groups them (<see cref="NationalMapper"/>) and sends each café the
/// national map with its own clusters' groups. In memory only: lost, it fills again as cafés report.
/// </summary>
internal sealed partial class NationalMapStage(IGrainFactory grains, string programmeOpinionId, ILogger log)
{
    private readonly Dictionary<int, OpinionAggregateReport> _sums = [];
    private readonly Dictionary<int, ShardOpinionTotals> _shards = [];
    private bool _sumsChanged;
    private bool _clustersChanged;
    private NationalComponents? _components;
    private NationalMapMemory? _memory;
    private long _computations;

    /// <summary>The last national map (tests and the bench read it through the cafés).</summary>
    public NationalMap? Last { get; private set; }

    public void Shard(int shard, ShardOpinionTotals totals)
    {
        if (totals.Aggregate is { } sums)
        {
            _sums[shard] = sums;
            _sumsChanged = true;
        }
        _shards[shard] = totals;
        _clustersChanged = true;
    }

    public Task Run()
    {
        try
        {
            if (_sumsChanged)
            {
                _sumsChanged = false;
                DerivePlane();
            }
            if (_clustersChanged && _components is not null)
            {
                _clustersChanged = false;
                Group();
            }
        }
        catch (ArgumentException ex)
        {
            // Sums or clusters over statement lists that disagree (a café on an older pool mid-change): the next reports agree.
            LogStageFailed(log, ex, programmeOpinionId);
        }
        return Task.CompletedTask;
    }

    private IEnumerable<string> Cafes => _shards.Values.SelectMany(s => s.Cafes).Distinct();

    private void DerivePlane()
    {
        var merged = _sums.Values.Select(ToDomain).Aggregate((a, b) => a.Merge(b));
        if (merged.Participants == 0)
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        _components = NationalComponents.FromAggregate(merged, _components);
        CafeMetrics.NationalPlaneCompute.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var report = new NationalComponentsReport(_components.Version, _components.StatementIds, _components.Mean, _components.First, _components.Second, _components.VotedStatements);
        foreach (var cafe in Cafes)
        {
            _ = grains.GetGrain<IOpinionMapGrain>(cafe).NationalComponents(report);
        }
    }

    private void Group()
    {
        var reports = _shards.Values.SelectMany(s => s.Clusters).ToList();
        var started = Stopwatch.GetTimestamp();
        var map = NationalMapper.Compute(_components!, [.. reports.Select(ToDomain)], _memory);
        CafeMetrics.NationalMapCompute.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _memory = map.Memory;
        _clustersChanged = map.Memory.Settling;
        Last = map;
        var computation = ++_computations;
        var scale = map.Memory.Scale;
        OpinionGroupView[] groups = [.. map.Groups.Select(g => new OpinionGroupView(g.Id, g.Size, g.Onsite, g.Remote,
            [.. g.Representative.Select(r => new RepresentativeView(r.StatementId, r.AgreeRate, r.Agrees))]))];
        ConsensusView[] consensus = [.. map.Consensus.Select(c => new ConsensusView(c.StatementId, c.Score))];
        NationalDotView[] dots = [.. map.Dots.Select(d => new NationalDotView(d.X, d.Y, d.Weight, d.Group, d.Onsite, d.Remote))];
        var people = reports.Sum(r => r.Clusters.Sum(c => c.Weight));
        var byCafe = reports.ToDictionary(r => r.Cafe);
        foreach (var cafe in Cafes)
        {
            var own = byCafe.GetValueOrDefault(cafe);
            var groupOf = map.CafeGroups.GetValueOrDefault(cafe) ?? [];
            NationalDotView[] here = own is null ? [] : [.. own.Clusters.Select((c, i) => new NationalDotView(
                scale > 0 ? c.X / scale : 0, scale > 0 ? c.Y / scale : 0, c.Weight, i < groupOf.Length ? groupOf[i] : MapPoint.NoGroup, c.Onsite, c.Remote))];
            var report = new NationalMapReport(computation, groups, consensus, dots, byCafe.Count, people, here, groupOf, own?.Reduction ?? 0);
            _ = grains.GetGrain<IOpinionMapGrain>(cafe).NationalMap(report);
        }
    }

    private static OpinionAggregate ToDomain(OpinionAggregateReport r) =>
        new(r.StatementIds, r.Participants, r.Seen, r.Sum, r.Both, r.Product, r.SumOfFirst, r.SumOfSecond);

    private static CafeClusters ToDomain(CafeClustersReport r) =>
        new(r.Cafe, r.ComponentsVersion, r.StatementIds,
            [.. r.Clusters.Select(c => new CafeCluster(c.X, c.Y, c.Weight, c.Onsite, c.Remote, c.Agree, c.Disagree, c.Seen))]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The national map of {ProgrammeOpinionId} skipped a run")]
    private static partial void LogStageFailed(ILogger logger, Exception ex, string programmeOpinionId);
}
