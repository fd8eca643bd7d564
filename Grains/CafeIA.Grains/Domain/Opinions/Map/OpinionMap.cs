namespace CafeIA.Domain.Opinions.Map;

/// <summary>One recompute's result: the dots, the groups of opinion and the consensus statements.</summary>
/// <param name="Points">One dot per clustered participant, keyed by participant id; coordinates in [−1, 1].</param>
/// <param name="Groups">2 to 5 groups, by id; none while too few people or votes make a split meaningful.</param>
/// <param name="Consensus">Every statement with votes, best first (group-informed consensus).</param>
/// <param name="Memory">What the next run needs to stay stable; pass it to the next <see cref="OpinionMapper.Compute"/>.</param>
public sealed record OpinionMap(
    IReadOnlyDictionary<string, MapPoint> Points,
    IReadOnlyList<OpinionGroup> Groups,
    IReadOnlyList<ConsensusStatement> Consensus,
    OpinionMapMemory Memory)
{
    /// <summary>The map of an empty matrix: no dots, no groups, no consensus.</summary>
    public static OpinionMap Empty { get; } = new(new Dictionary<string, MapPoint>(), [], [], OpinionMapMemory.None);
}

/// <summary>A participant's dot.</summary>
/// <param name="Group">The <see cref="OpinionGroup.Id"/>, or <see cref="NoGroup"/> while there are no groups.</param>
public sealed record MapPoint(double X, double Y, int Group)
{
    public const int NoGroup = -1;
}

/// <summary>A group of opinion.</summary>
/// <param name="Id">Stable across runs while the group stays where it was (matched to the previous run's centres); small ints from 0.</param>
/// <param name="Members">Participant ids.</param>
/// <param name="Representative">The statements that set the group apart, best first, at most 5.</param>
public sealed record OpinionGroup(int Id, IReadOnlyList<string> Members, IReadOnlyList<RepresentativeStatement> Representative);

/// <summary>A statement that represents a group.</summary>
/// <param name="AgreeRate">
/// The group's smoothed rate (1 + A) / (2 + S) over the S members who saw the statement, A of them
/// agreeing. When <paramref name="Agrees"/> is false the statement represents the group by
/// disagreement, and this is the smoothed disagree rate (1 + D) / (2 + S) instead.
/// </param>
/// <param name="Agrees">True: the group agrees more than half and more than the others; false: it disagrees so.</param>
public sealed record RepresentativeStatement(string StatementId, double AgreeRate, bool Agrees);

/// <summary>A statement every group tends to agree on.</summary>
/// <param name="Score">The product over groups of (A_g + 1) / (S_g + 2); with no groups yet, that of everyone who voted.</param>
public sealed record ConsensusStatement(string StatementId, double Score);
