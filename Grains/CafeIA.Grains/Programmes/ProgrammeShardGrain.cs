using CafeIA.Grains.Abstractions;
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
    IGrainFactory grains) : Grain, IProgrammeShardGrain
{
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(500);
    private bool _dirty;

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

    private async Task Flush(CancellationToken cancellationToken)
    {
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
