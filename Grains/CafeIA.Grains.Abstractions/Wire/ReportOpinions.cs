namespace CafeIA.Wire;

/// <summary>
/// An opinion map in the report: its approved statements with their votes split on site / remote,
/// the groups of the last recompute (size, split, representative statements) and the consensus.
/// No dots and no names: nothing ties a vote or a group to a person.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportOpinion")]
public sealed record ReportOpinion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Topic,
    [property: Id(2)] OpinionState State,
    [property: Id(3)] int Voters,
    [property: Id(4)] int VotersOnsite,
    [property: Id(5)] int VotersRemote,
    [property: Id(6)] ReportStatement[] Statements,
    [property: Id(7)] OpinionGroupView[] Groups,
    [property: Id(8)] ConsensusView[] Consensus,
    [property: Id(9)] DateTimeOffset? MappedAt = null);

/// <summary>A statement and its votes; Seed: given with the opinion by the staff.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportStatement")]
public sealed record ReportStatement(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] int Agree,
    [property: Id(3)] int Disagree,
    [property: Id(4)] int Pass,
    [property: Id(5)] VoteSplit Onsite,
    [property: Id(6)] VoteSplit Remote,
    [property: Id(7)] bool Seed);
