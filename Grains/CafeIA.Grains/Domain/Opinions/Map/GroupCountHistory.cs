namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The number of groups, kept stable: the silhouette's best k replaces the current one only once
/// it has been the best on <see cref="StableRuns"/> updates in a row, so the groups do not split
/// and merge back as single votes arrive. The first grouping, or a current k the data can no
/// longer support, takes the best k at once.
/// </summary>
internal sealed record GroupCountHistory(int Current, int Candidate, int CandidateRuns)
{
    public const int StableRuns = 3;

    public static GroupCountHistory Start { get; } = new(0, 0, 0);

    public GroupCountHistory Next(int best, int feasibleMax)
    {
        if (Current < 2 || Current > feasibleMax || best == Current)
        {
            return new(best, 0, 0);
        }
        var runs = best == Candidate ? CandidateRuns + 1 : 1;
        return runs >= StableRuns ? new(best, 0, 0) : new(Current, best, runs);
    }

    /// <summary>No grouping this run (too few people): the count starts afresh.</summary>
    public static GroupCountHistory None => Start;
}
