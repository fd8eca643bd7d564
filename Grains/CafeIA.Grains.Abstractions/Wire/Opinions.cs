namespace CafeIA.Wire;

// The live opinion map (docs/PROTOCOL.md, "Opinion map"): an opinion is a topic with short
// statements that participants vote agree, disagree or pass on; a grain apart from the session
// maps the voters into groups of opinion (Grains/Opinions). Enums travel as camelCase strings:
// never rename a member.

/// <summary>An opinion's life: prepared (staff only), open for statements and votes, closed (read only).</summary>
public enum OpinionState
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>A statement is seen by everyone once approved; pending and hidden ones only by their author and the staff.</summary>
public enum StatementStatus
{
    Pending = 0,
    Approved = 1,
    Hidden = 2,
}

/// <summary>A participant's vote on a statement (the math counts agree +1, disagree −1, pass 0).</summary>
public enum StatementVote
{
    Agree = 0,
    Disagree = 1,
    Pass = 2,
}

// Hub payloads.

/// <summary>CreateOpinion: a topic and seed statements (approved, authored by the staff).</summary>
[GenerateSerializer, Immutable, Alias("cafe.CreateOpinionRequest")]
public sealed record CreateOpinionRequest([property: Id(0)] string? Topic, [property: Id(1)] string[]? Statements = null,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.OpinionCreated")]
public sealed record OpinionCreated([property: Id(0)] string OpinionId);

/// <summary>OpenOpinion, CloseOpinion.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionRef")]
public sealed record OpinionRef([property: Id(0)] string? OpinionId, [property: Id(1)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.AddStatementRequest")]
public sealed record AddStatementRequest([property: Id(0)] string? OpinionId, [property: Id(1)] string? Text,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.StatementAdded")]
public sealed record StatementAdded([property: Id(0)] string StatementId);

/// <summary>ApproveStatement, HideStatement.</summary>
[GenerateSerializer, Immutable, Alias("cafe.StatementRef")]
public sealed record StatementRef([property: Id(0)] string? OpinionId, [property: Id(1)] string? StatementId,
    [property: Id(2)] string? OpId = null) : IOperation;

[GenerateSerializer, Immutable, Alias("cafe.VoteStatementRequest")]
public sealed record VoteStatementRequest([property: Id(0)] string? OpinionId, [property: Id(1)] string? StatementId,
    [property: Id(2)] StatementVote? Vote, [property: Id(3)] string? OpId = null) : IOperation;

/// <summary>The answer to a vote: the statement this participant should see next (null: none left).</summary>
[GenerateSerializer, Immutable, Alias("cafe.StatementVoted")]
public sealed record StatementVoted([property: Id(0)] string? Next);

// Views.

/// <summary>Votes on a statement by kind (one split: on site or remote).</summary>
[GenerateSerializer, Immutable, Alias("cafe.VoteSplit")]
public sealed record VoteSplit([property: Id(0)] int Agree, [property: Id(1)] int Disagree, [property: Id(2)] int Pass)
{
    public static readonly VoteSplit None = new(0, 0, 0);
}

/// <summary>
/// A statement as one audience sees it: Agree = Onsite.Agree + Remote.Agree (and so on).
/// <see cref="Mine"/> and <see cref="MyVote"/> only in a participant's own view; <see cref="Flagged"/>
/// (held by the profanity filter) for the staff only.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.StatementView")]
public sealed record StatementView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] StatementStatus Status,
    [property: Id(3)] int Agree,
    [property: Id(4)] int Disagree,
    [property: Id(5)] int Pass,
    [property: Id(6)] VoteSplit Onsite,
    [property: Id(7)] VoteSplit Remote,
    [property: Id(8)] bool? Mine = null,
    [property: Id(9)] StatementVote? MyVote = null,
    [property: Id(10)] bool? Flagged = null);

/// <summary>
/// A statement that defines a group. AgreeRate is the group's smoothed rate (1+A)/(2+S) when
/// <see cref="Agrees"/>; when the group is defined by disagreeing, it is the smoothed disagree rate.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.RepresentativeView")]
public sealed record RepresentativeView([property: Id(0)] string StatementId, [property: Id(1)] double AgreeRate, [property: Id(2)] bool Agrees);

/// <summary>A group of opinion: its size, split on site / remote, and the statements that define it, best first.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionGroupView")]
public sealed record OpinionGroupView(
    [property: Id(0)] int Id,
    [property: Id(1)] int Size,
    [property: Id(2)] int Onsite,
    [property: Id(3)] int Remote,
    [property: Id(4)] RepresentativeView[] Representative);

/// <summary>A statement every group agrees on (group-informed consensus), best first.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ConsensusView")]
public sealed record ConsensusView([property: Id(0)] string StatementId, [property: Id(1)] double Score);

/// <summary>One anonymous dot of the map: a clustered participant, coordinates in [-1, 1].</summary>
[GenerateSerializer, Immutable, Alias("cafe.MapDot")]
public sealed record MapDot([property: Id(0)] double X, [property: Id(1)] double Y, [property: Id(2)] int Group, [property: Id(3)] ParticipantMode Mode);

/// <summary>Personal: where the receiver is on the map, and their group.</summary>
[GenerateSerializer, Immutable, Alias("cafe.MapPosition")]
public sealed record MapPosition([property: Id(0)] double X, [property: Id(1)] double Y, [property: Id(2)] int Group);

/// <summary>
/// An opinion as one audience sees it. Statements: the staff see all of them, others the approved
/// ones (and, in their own snapshot, their own pending or hidden ones). <see cref="Map"/>, the
/// dots, goes to the staff and the projector only (phones get their own <see cref="Me"/>).
/// <see cref="Me"/> and <see cref="Next"/> are personal: only in that participant's snapshot.
/// An opinion pushed by a programme names it (<see cref="NationalOpinionId"/>) and carries the
/// national map (<see cref="National"/>); <see cref="NationalGroup"/> is personal.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionView")]
public sealed record OpinionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Topic,
    [property: Id(2)] OpinionState State,
    [property: Id(3)] StatementView[] Statements,
    [property: Id(4)] OpinionGroupView[] Groups,
    [property: Id(5)] ConsensusView[] Consensus,
    [property: Id(6)] MapDot[]? Map,
    [property: Id(7)] int Voters,
    [property: Id(8)] MapPosition? Me = null,
    [property: Id(9)] string? Next = null,
    [property: Id(10)] NationalOpinionView? National = null,
    [property: Id(11)] int? NationalGroup = null,
    [property: Id(12)] string? NationalOpinionId = null);

/// <summary>One statement's counts now (statementCounts).</summary>
[GenerateSerializer, Immutable, Alias("cafe.StatementCount")]
public sealed record StatementCount(
    [property: Id(0)] string Id,
    [property: Id(1)] int Agree,
    [property: Id(2)] int Disagree,
    [property: Id(3)] int Pass,
    [property: Id(4)] VoteSplit Onsite,
    [property: Id(5)] VoteSplit Remote);

// Events.

/// <summary>The opinion as this audience now sees it (created, opened, closed, a statement added or moderated): add or replace it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionChanged")]
public sealed record OpinionChanged([property: Id(0)] OpinionView Opinion) : SessionEvent;

/// <summary>Vote counts of the statements whose votes changed in this batch (other statements keep theirs).</summary>
[GenerateSerializer, Immutable, Alias("cafe.StatementCountsChanged")]
public sealed record StatementCountsChanged([property: Id(0)] string OpinionId, [property: Id(1)] StatementCount[] Statements) : SessionEvent;

/// <summary>After a recompute: the groups, the consensus, the dots (staff and projector only) and the voters.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionMapChanged")]
public sealed record OpinionMapChanged(
    [property: Id(0)] string OpinionId,
    [property: Id(1)] OpinionGroupView[] Groups,
    [property: Id(2)] ConsensusView[] Consensus,
    [property: Id(3)] MapDot[]? Map,
    [property: Id(4)] int Voters) : SessionEvent;

/// <summary>Personal: the receiver's place on the map (absent: not clustered yet) and the statement to show them next.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionMeChanged")]
public sealed record OpinionMeChanged([property: Id(0)] string OpinionId, [property: Id(1)] MapPosition? Me, [property: Id(2)] string? Next,
    [property: Id(3)] int? NationalGroup = null) : SessionEvent;

/// <summary>Personal, to a statement's author: their statement as they see it now (pending, approved or hidden).</summary>
[GenerateSerializer, Immutable, Alias("cafe.StatementUpdated")]
public sealed record StatementUpdated([property: Id(0)] string OpinionId, [property: Id(1)] StatementView Statement) : SessionEvent;

// Between the session grain and its opinion map grain (never on the hub).

/// <summary>One participant's vote as the map counts it: +1 agree, −1 disagree, 0 pass.</summary>
[GenerateSerializer, Immutable, Alias("cafe.MapVote")]
public sealed record MapVote([property: Id(0)] string ParticipantId, [property: Id(1)] string StatementId, [property: Id(2)] sbyte Vote,
    [property: Id(3)] bool Onsite = false);

/// <summary>
/// What one commit changed of an opinion's votes, sent to its map grain after the commit: approved
/// statements new to the map (in order), then votes (set: a later one replaces). Seq is the batch's;
/// Rebuild asks the grain to read every vote again (a statement left the map, or the session moved).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionFeed")]
public sealed record OpinionFeed(
    [property: Id(0)] Guid SessionActivation,
    [property: Id(1)] long Seq,
    [property: Id(2)] string[] Statements,
    [property: Id(3)] MapVote[] Votes,
    [property: Id(4)] bool Rebuild = false,
    [property: Id(5)] NationalLink? National = null);

/// <summary>Every vote of an opinion on its approved statements (in order), as of Seq: the map grain's rebuild.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionVotes")]
public sealed record OpinionVotes(
    [property: Id(0)] long Seq,
    [property: Id(1)] string[] Statements,
    [property: Id(2)] MapVote[] Votes,
    [property: Id(3)] NationalLink? National = null);

/// <summary>A clustered participant's place, as the map grain computed it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.MapPointResult")]
public sealed record MapPointResult([property: Id(0)] string ParticipantId, [property: Id(1)] double X, [property: Id(2)] double Y, [property: Id(3)] int Group);

[GenerateSerializer, Immutable, Alias("cafe.MapGroupResult")]
public sealed record MapGroupResult([property: Id(0)] int Id, [property: Id(1)] string[] Members, [property: Id(2)] RepresentativeView[] Representative);

/// <summary>
/// A recompute's result, handed back to the session, which publishes it (with the members' modes) as
/// one batch; Divisiveness (how much the groups disagree on each statement) feeds the choice of next statements.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.OpinionMapResult")]
public sealed record OpinionMapResult(
    [property: Id(0)] long Computation,
    [property: Id(1)] MapPointResult[] Points,
    [property: Id(2)] MapGroupResult[] Groups,
    [property: Id(3)] ConsensusView[] Consensus,
    [property: Id(4)] Dictionary<string, double>? Divisiveness = null);
