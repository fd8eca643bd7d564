using CafeIA.Wire;
using Orleans.Concurrency;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// A national programme (key: its id): its cafés, its polls, and the national tally, summed from
/// its shards' partial sums (never from ballots: each café counts its own, each shard sums its
/// cafés, the programme sums the shards).
/// </summary>
[Alias("cafe.IProgrammeGrain")]
public interface IProgrammeGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<Outcome<ProgrammeCreated>> Create(string? title);

    /// <summary>True if the invitation key is this programme's; the session is then one of its cafés.</summary>
    [Alias("Enrol")]
    Task<bool> Enrol(Guid sessionId, string? inviteKey);

    /// <summary>The organiser pushes a count-based poll to every café; live cafés open it at once.</summary>
    [Alias("PushPoll")]
    Task<Outcome<ProgrammePollPushed>> PushPoll(string? organiserKey, CreatePollRequest request);

    [Alias("GetView")]
    Task<ProgrammeView?> GetView();

    /// <summary>A shard's sums, per programme poll (absolute: the latest replaces the previous).</summary>
    [Alias("ShardTotals")]
    Task ShardTotals(int shard, Dictionary<string, Tally> totals);

    [Alias("Subscribe")]
    Task Subscribe(IProgrammeObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IProgrammeObserver observer);
}

/// <summary>
/// One stage of the national tally (key: "{programme id}/{shard}"): the latest tally of each of its
/// cafés, summed, passed on to the programme at most every flush period.
/// </summary>
[Alias("cafe.IProgrammeShardGrain")]
public interface IProgrammeShardGrain : IGrainWithStringKey
{
    /// <summary>A café's own tally of a programme poll as of its seq (older reports are ignored).</summary>
    [OneWay, Alias("Report")]
    Task Report(Guid sessionId, string programmePollId, Tally tally, long seq);
}

/// <summary>A gateway's subscription to a programme: the national tallies, at most about once a second.</summary>
[Alias("cafe.IProgrammeObserver")]
public interface IProgrammeObserver : IGrainObserver
{
    [OneWay, Alias("OnProgramme")]
    Task OnProgramme(ProgrammeView programme);
}
