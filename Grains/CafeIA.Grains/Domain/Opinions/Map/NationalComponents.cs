namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The programme's map plane: the national statements' means and the two principal components of
/// all cafés' votes, derived from the merged <see cref="OpinionAggregate"/> the way
/// <see cref="OpinionMapper"/> derives a café's (same power iteration, warm-started from the
/// previous national components, axes turned to match them). Sent to every café, which projects
/// its own participants with it (<see cref="CafeClusters.Reduce"/>).
/// </summary>
/// <param name="Version">One more than the previous components' (1 for the first): cafés' clusters name the version they used.</param>
/// <param name="VotedStatements">Statements with at least one vote nationally: the √(statements / votes) scaling uses it.</param>
public sealed record NationalComponents(int Version, string[] StatementIds, double[] Mean, double[] First, double[] Second, int VotedStatements)
{
    public static NationalComponents FromAggregate(OpinionAggregate aggregate, NationalComponents? previous)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var s = aggregate.StatementIds.Length;
        (double[], double[])? warm = null;
        if (previous is { First.Length: > 0 })
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < s; j++)
            {
                index[aggregate.StatementIds[j]] = j;
            }
            var (first, second) = (new double[s], new double[s]);
            for (var i = 0; i < previous.StatementIds.Length; i++)
            {
                if (index.TryGetValue(previous.StatementIds[i], out var j))
                {
                    (first[j], second[j]) = (previous.First[i], previous.Second[i]);
                }
            }
            warm = (first, second);
        }
        var (a, b) = PrincipalPlane.Find(aggregate.Covariance(), s, warm);
        var voted = aggregate.Seen.Count(n => n > 0);
        return new NationalComponents((previous?.Version ?? 0) + 1, aggregate.StatementIds, aggregate.Means(), a, b, voted);
    }
}
