namespace CafeIA.Wire;

// An opinion map across a national programme (docs/PROTOCOL.md, "Opinion map across a programme"):
// the organiser pushes an opinion to every café; approved statements may join a national pool; the
// national map is staged like the tally (café → shard → programme), from sums and clusters, never
// from people. Never rename a member.

/// <summary>POST /api/programmes/{id}/opinions: a topic, seed statements, and whether cafés' approved statements join the national pool.</summary>
[GenerateSerializer, Immutable, Alias("cafe.PushOpinionRequest")]
public sealed record PushOpinionRequest(
    [property: Id(0)] string? Topic,
    [property: Id(1)] string[]? Statements = null,
    [property: Id(2)] bool PoolStatements = false);

/// <summary>The opinion pushed: Sessions says to how many cafés, Created how many created it (Opened: how many opened it, live ones).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeOpinionPushed")]
public sealed record ProgrammeOpinionPushed(
    [property: Id(0)] string ProgrammeOpinionId,
    [property: Id(1)] int Sessions,
    [property: Id(2)] int Created,
    [property: Id(3)] int Opened);

/// <summary>POST /api/programmes/{id}/opinions/{programmeOpinionId}/pool: the pool switch.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionPoolRequest")]
public sealed record OpinionPoolRequest([property: Id(0)] bool? PoolStatements);

/// <summary>
/// A statement of the national pool (seed or pooled), under its national id ("n1", "n2"… in pool
/// order). Origin names the café and statement it came from (none for seeds), so that café links
/// its own statement instead of receiving a copy: no author data crosses.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalStatement")]
public sealed record NationalStatement(
    [property: Id(0)] string NationalId,
    [property: Id(1)] string Text,
    [property: Id(2)] Guid? OriginSession = null,
    [property: Id(3)] string? OriginStatementId = null);

/// <summary>A programme opinion as the organiser sees it: the pool (no origin), and how many approved statements wait for the pool switch (Offered).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeOpinionView")]
public sealed record ProgrammeOpinionView(
    [property: Id(0)] string ProgrammeOpinionId,
    [property: Id(1)] string Topic,
    [property: Id(2)] bool PoolStatements,
    [property: Id(3)] NationalStatement[] Statements,
    [property: Id(4)] int Offered = 0);

// Between grains (never on the hub).

/// <summary>A café opinion's link to its programme opinion: the national statements in pool order, and this café's statement id of each (null: not here).</summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalLink")]
public sealed record NationalLink(
    [property: Id(0)] Guid ProgrammeId,
    [property: Id(1)] string ProgrammeOpinionId,
    [property: Id(2)] string[] StatementIds,
    [property: Id(3)] string?[] LocalIds);

/// <summary>A café's OpinionAggregate on the wire (CafeIA.Domain.Opinions.Map.OpinionAggregate's arrays).</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionAggregateReport")]
public sealed record OpinionAggregateReport(
    [property: Id(0)] string[] StatementIds,
    [property: Id(1)] int Participants,
    [property: Id(2)] int[] Seen,
    [property: Id(3)] int[] Sum,
    [property: Id(4)] int[] Both,
    [property: Id(5)] int[] Product,
    [property: Id(6)] int[] SumOfFirst,
    [property: Id(7)] int[] SumOfSecond);

[GenerateSerializer, Immutable, Alias("cafe.CafeClusterReport")]
public sealed record CafeClusterReport(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] int Weight,
    [property: Id(3)] int Onsite,
    [property: Id(4)] int Remote,
    [property: Id(5)] int[] Agree,
    [property: Id(6)] int[] Disagree,
    [property: Id(7)] int[] Seen);

/// <summary>A café's participants on the national plane, as a few weighted clusters (CafeClusters); Cafe is its map grain's key, Reduction counts its reductions.</summary>
[GenerateSerializer, Immutable, Alias("cafe.CafeClustersReport")]
public sealed record CafeClustersReport(
    [property: Id(0)] string Cafe,
    [property: Id(1)] int ComponentsVersion,
    [property: Id(2)] string[] StatementIds,
    [property: Id(3)] CafeClusterReport[] Clusters,
    [property: Id(4)] long Reduction);

/// <summary>What a shard passes on for one programme opinion: its cafés' aggregates merged, and each café's latest clusters.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ShardOpinionTotals")]
public sealed record ShardOpinionTotals(
    [property: Id(0)] OpinionAggregateReport? Aggregate,
    [property: Id(1)] CafeClustersReport[] Clusters,
    [property: Id(2)] string[] Cafes);

/// <summary>The national plane (NationalComponents), sent to every café's map grain.</summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalComponentsReport")]
public sealed record NationalComponentsReport(
    [property: Id(0)] int Version,
    [property: Id(1)] string[] StatementIds,
    [property: Id(2)] double[] Mean,
    [property: Id(3)] double[] First,
    [property: Id(4)] double[] Second,
    [property: Id(5)] int VotedStatements);

/// <summary>A dot of the national map: a national base cluster of Weight people, coordinates in [-1, 1].</summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalDot")]
public sealed record NationalDotView(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] int Weight,
    [property: Id(3)] int Group,
    [property: Id(4)] int Onsite = 0,
    [property: Id(5)] int Remote = 0);

/// <summary>
/// The national map as the programme sends it to one café's map grain: groups and consensus over
/// national statement ids, the national dots, this café's clusters on the national plane with
/// their national group (Reduction: which of the café's reductions they are).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalMapReport")]
public sealed record NationalMapReport(
    [property: Id(0)] long Computation,
    [property: Id(1)] OpinionGroupView[] Groups,
    [property: Id(2)] ConsensusView[] Consensus,
    [property: Id(3)] NationalDotView[] Dots,
    [property: Id(4)] int Cafes,
    [property: Id(5)] int People,
    [property: Id(6)] NationalDotView[] Here,
    [property: Id(7)] int[] GroupOfCluster,
    [property: Id(8)] long Reduction);

/// <summary>From the café's map grain to its session: the national map, and the national group of each of its placed participants.</summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalMapResult")]
public sealed record NationalMapResult(
    [property: Id(0)] NationalMapReport Map,
    [property: Id(1)] Dictionary<string, int> GroupOf);

// What screens get.

/// <summary>
/// The national map on a café's screens (OpinionView.national, event opinionNational). Groups and
/// consensus name this café's statement ids (national statements it does not show are left out);
/// Map (the national dots, weighted) and Here (this café's participants as a few weighted dots on
/// the national plane, coloured by national group) go to the staff and the projector only.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.NationalOpinionView")]
public sealed record NationalOpinionView(
    [property: Id(0)] string ProgrammeOpinionId,
    [property: Id(1)] OpinionGroupView[] Groups,
    [property: Id(2)] ConsensusView[] Consensus,
    [property: Id(3)] NationalDotView[]? Map,
    [property: Id(4)] NationalDotView[]? Here,
    [property: Id(5)] int Cafes,
    [property: Id(6)] int People);

/// <summary>After a national recompute: the national map as this audience sees it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionNationalChanged")]
public sealed record OpinionNationalChanged(
    [property: Id(0)] string OpinionId,
    [property: Id(1)] NationalOpinionView National) : SessionEvent;

/// <summary>A café's answer to a pushed opinion: its own opinion id, and whether it opened it (live cafés do).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeOpinionAdded")]
public sealed record ProgrammeOpinionAdded([property: Id(0)] string OpinionId, [property: Id(1)] bool Opened);
