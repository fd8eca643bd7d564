using CafeIA.Grains.Abstractions;
using CafeIA.Domain.Opinions.Map;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;

namespace CafeIA.Grains.Programmes;

public sealed class ProgrammeShardState
{
    /// <summary>Programme poll id → café id → that café's latest tally and the seq it was taken at.</summary>
    public Dictionary<string, Dictionary<Guid, ShardEntry>> Polls { get; set; } = [];
}

public sealed class ShardEntry
{
    public Tally Tally { get; set; } = Tally.Empty(0);
    public long Seq { get; set; }
}

/// <summary>
/// The middle stage of a national tally: keeps each of its cafés' latest tally (reports carry
/// absolute counts and the café's seq, so a late or repeated one changes nothing), and passes the
/// sums to the programme at most every <see cref="FlushPeriod"/>, after writing them.
/// </summary>
public sealed class ProgrammeShardGrain(
    [PersistentState("programmeShard", StorageNames.Cafe)] IPersistentState<ProgrammeShardState> store,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IProgrammeShardGrain
{
    /// <summary>
    /// With the programme's <see cref="ProgrammeGrain.PublishPeriod"/>, what bounds how soon after
    /// the last ballot the screens show the national count: at most 0.1 + 0.2 s, plus the
    /// gateways' settle time and delivery.
    /// </summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(100);

    /// <summary>Opinions' sums and clusters pass on at most this often: the national map's own stages tick once a second.</summary>
    public static readonly TimeSpan OpinionFlushPeriod = TimeSpan.FromMilliseconds(250);
    private long? _opinionsFlushedAt;
    private bool _dirty;

    /// <summary>Programme opinion id → café (map grain key) → its latest sums and clusters; in memory (cafés report again on change).</summary>
    private readonly Dictionary<string, Dictionary<string, CafeOpinionEntry>> _opinions = [];
    private readonly HashSet<string> _opinionsDue = [];
    private readonly HashSet<string> _sumsDue = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushPeriod, FlushPeriod) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task Report(Guid sessionId, string programmePollId, Tally tally, long seq)
    {
        if (!store.State.Polls.TryGetValue(programmePollId, out var cafes))
        {
            store.State.Polls[programmePollId] = cafes = [];
        }
        if (!cafes.TryGetValue(sessionId, out var entry) || entry.Seq < seq)
        {
            cafes[sessionId] = new ShardEntry { Tally = tally, Seq = seq };
            _dirty = true;
        }
        return Task.CompletedTask;
    }

    public Task ReportOpinion(string cafe, string programmeOpinionId, OpinionAggregateReport? aggregate, CafeClustersReport? clusters, long seq)
    {
        if (!_opinions.TryGetValue(programmeOpinionId, out var cafes))
        {
            _opinions[programmeOpinionId] = cafes = [];
        }
        if (!cafes.TryGetValue(cafe, out var entry))
        {
            cafes[cafe] = entry = new CafeOpinionEntry();
        }
        if (aggregate is not null && seq > entry.AggregateSeq)
        {
            (entry.Aggregate, entry.AggregateSeq) = (aggregate, seq);
            _sumsDue.Add(programmeOpinionId);
        }
        if (clusters is not null && seq > entry.ClustersSeq)
        {
            (entry.Clusters, entry.ClustersSeq) = (clusters, seq);
        }
        _opinionsDue.Add(programmeOpinionId);
        return Task.CompletedTask;
    }

    /// <summary>Each changed programme opinion's merged sums (when they changed) and its cafés' clusters, to the programme opinion.</summary>
    private async Task FlushOpinions()
    {
        var (programme, shard) = ProgrammeShards.Parse(this.GetPrimaryKeyString());
        foreach (var programmeOpinionId in _opinionsDue.ToList())
        {
            var cafes = _opinions[programmeOpinionId];
            OpinionAggregateReport? merged = null;
            if (_sumsDue.Contains(programmeOpinionId))
            {
                var sums = cafes.Values.Select(e => e.Aggregate).OfType<OpinionAggregateReport>()
                    .Select(r => new OpinionAggregate(r.StatementIds, r.Participants, r.Seen, r.Sum, r.Both, r.Product, r.SumOfFirst, r.SumOfSecond))
                    .Aggregate((a, b) => a.Merge(b));
                merged = new OpinionAggregateReport(sums.StatementIds, sums.Participants, sums.Seen, sums.Sum, sums.Both, sums.Product, sums.SumOfFirst, sums.SumOfSecond);
            }
            var totals = new ShardOpinionTotals(merged, [.. cafes.Values.Select(e => e.Clusters).OfType<CafeClustersReport>()], [.. cafes.Keys]);
            await grains.GetGrain<IProgrammeOpinionGrain>(ProgrammeOpinionKey.Of(programme, programmeOpinionId)).ShardOpinion(shard, totals);
            _opinionsDue.Remove(programmeOpinionId);
            _sumsDue.Remove(programmeOpinionId);
        }
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_opinionsDue.Count > 0 && (_opinionsFlushedAt is not { } flushed || clock.GetElapsedTime(flushed) >= OpinionFlushPeriod))
        {
            _opinionsFlushedAt = clock.GetTimestamp();
            try
            {
                await FlushOpinions();
            }
            catch (ArgumentException)
            {
                // Cafés' sums over pools that disagree for a moment (one on an older pool): they agree on their next report.
            }
        }
        if (!_dirty)
        {
            return;
        }
        _dirty = false;
        await store.WriteStateAsync(cancellationToken);
        var totals = store.State.Polls.ToDictionary(p => p.Key, p => p.Value.Values.Aggregate(Tally.Empty(0), (sum, e) => sum.Plus(e.Tally)));
        var (programme, shard) = ProgrammeShards.Parse(this.GetPrimaryKeyString());
        await grains.GetGrain<IProgrammeGrain>(programme).ShardTotals(shard, totals);
    }
}

internal sealed class CafeOpinionEntry
{
    public OpinionAggregateReport? Aggregate { get; set; }
    public long AggregateSeq { get; set; }
    public CafeClustersReport? Clusters { get; set; }
    public long ClustersSeq { get; set; }
}
