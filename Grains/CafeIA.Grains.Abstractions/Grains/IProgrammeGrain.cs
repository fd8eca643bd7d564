using CafeIA.Wire;
using Orleans.Concurrency;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// A national programme (key: its id): its cafés, its polls, and the national tally, summed from
/// its shards' partial sums (never from ballots: each café counts its own, each shard sums its
/// cafés, the programme sums the shards).
/// </summary>
[Alias("cafe.IProgrammeGrain")]
public partial interface IProgrammeGrain : IGrainWithGuidKey
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

    /// <summary>From a programme opinion: its pool as it now is (for the programme's view).</summary>
    [OneWay, Alias("OpinionChanged")]
    Task OpinionChanged(ProgrammeOpinionView opinion);

    /// <summary>The organiser pushes an opinion (topic, seed statements, pool switch) to every café; live cafés open it at once.</summary>
    [Alias("PushOpinion")]
    Task<Outcome<ProgrammeOpinionPushed>> PushOpinion(string? organiserKey, PushOpinionRequest request);

    /// <summary>The organiser lets cafés' approved statements join the national pool of one programme opinion (or stops it).</summary>
    [Alias("SetOpinionPool")]
    Task<Outcome<ProgrammeOpinionView>> SetOpinionPool(string? organiserKey, string? programmeOpinionId, bool poolStatements);

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

    /// <summary>
    /// A café's opinion sums and / or clusters for one programme opinion (null: unchanged), as of its
    /// map grain's sequence (older reports are ignored). Kept in memory: a café reports again on its next change.
    /// </summary>
    /// <param name="cafe">The café opinion's map grain key (<see cref="OpinionMapKey"/>).</param>
    [OneWay, Alias("ReportOpinion")]
    Task ReportOpinion(string cafe, string programmeOpinionId, OpinionAggregateReport? aggregate, CafeClustersReport? clusters, long seq);
}

/// <summary>
/// One programme opinion (key: "{programme id:N}/{programme opinion id}", <see cref="ProgrammeOpinionKey"/>):
/// its seed statements and national pool, and the last stage of the national map. Its inputs are
/// sums and clusters from the shards, never a café's votes.
/// </summary>
[Alias("cafe.IProgrammeOpinionGrain")]
public interface IProgrammeOpinionGrain : IGrainWithStringKey
{
    /// <summary>Defines the opinion once (later calls change nothing) for these cafés; returns the national statements (the seeds).</summary>
    [Alias("Define")]
    Task<NationalStatement[]> Define(string topic, string[] seeds, bool poolStatements, Guid[] sessions);

    [Alias("SetPool")]
    Task<ProgrammeOpinionView> SetPool(bool poolStatements);

    [Alias("GetView")]
    Task<ProgrammeOpinionView?> GetView();

    /// <summary>A café approved a statement of its own: it joins the pool if the organiser allows it (now or later).</summary>
    [OneWay, Alias("Offer")]
    Task Offer(Guid sessionId, string statementId, string text);

    /// <summary>A shard's merged sums and its cafés' clusters (absolute: the latest replaces the previous).</summary>
    [Alias("ShardOpinion")]
    Task ShardOpinion(int shard, ShardOpinionTotals totals);
}

public static class ProgrammeOpinionKey
{
    public static string Of(Guid programmeId, string programmeOpinionId) => $"{programmeId:N}/{programmeOpinionId}";

    public static (Guid ProgrammeId, string ProgrammeOpinionId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..slash], "N"), key[(slash + 1)..]);
    }
}

/// <summary>
/// A gateway's subscription to a programme: the national tallies at most every
/// <see cref="ProgrammeCadence.Publish"/> while they change, then word that they have stopped.
/// </summary>
[Alias("cafe.IProgrammeObserver")]
public interface IProgrammeObserver : IGrainObserver
{
    [OneWay, Alias("OnProgramme")]
    Task OnProgramme(ProgrammeView programme, ProgrammeEdition edition);

    /// <summary>
    /// The tallies have not changed for one publish period since the last <see cref="OnProgramme"/>:
    /// this view, that one again, is for now the final count (a gateway sends it to the screens it
    /// was holding it from, and to all of them if that update has not reached it yet).
    /// </summary>
    [OneWay, Alias("OnSettled")]
    Task OnSettled(ProgrammeView programme, ProgrammeEdition edition);
}

/// <summary>
/// Which publication of a programme's tallies a view is: the programme's activation (UTC ticks when
/// it was loaded) and the view's number in it. Messages to a gateway may arrive out of order; it
/// keeps the newest of an activation and ignores an older one. A view of another activation is
/// taken as newer whatever its clock says (silos' clocks may disagree, and a gateway hears from the
/// old activation only until it has gone).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeEdition")]
public sealed record ProgrammeEdition([property: Id(0)] long Activation, [property: Id(1)] long Number)
{
    public bool IsNewerThan(ProgrammeEdition? other) =>
        other is null || Activation != other.Activation || Number > other.Number;
}
