namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// What one run leaves for the next: the warm-start components, the clustered set (once in, stay
/// in), the group count's history (k kept stable for a few updates), the scale of the map and the
/// previous group and base-cluster centres (so group ids and dots stay where they were when the
/// opinions did). In memory only and immutable (a run never changes the memory it was given);
/// losing it means a cold start, which is correct, only less stable.
/// </summary>
public sealed class OpinionMapMemory
{
    /// <summary>No previous run: the same as passing null.</summary>
    public static OpinionMapMemory None { get; } = new();

    /// <summary>How many runs so far have fed this memory (0 for <see cref="None"/>).</summary>
    public int Runs { get; internal init; }

    /// <summary>The statement ids the components are indexed by (the matrix's at that run).</summary>
    internal string[] StatementIds { get; init; } = [];

    /// <summary>The two components, one weight per statement of <see cref="StatementIds"/>.</summary>
    internal double[] First { get; init; } = [];
    internal double[] Second { get; init; } = [];

    internal HashSet<string> Clustered { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Raw projection units per map unit; 0 before any spread-out map.</summary>
    internal double Scale { get; init; }

    /// <summary>Base-cluster centres in map coordinates, x and y interleaved.</summary>
    internal double[] BaseCentres { get; init; } = [];

    internal GroupCentre[] Groups { get; init; } = [];

    internal GroupCountHistory GroupCount { get; init; } = GroupCountHistory.Start;

    /// <summary>How much the groups disagree on each statement, in [0, 1] (for <see cref="NextStatement"/>).</summary>
    internal Dictionary<string, double> Divisiveness { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The previous components as weights over the given matrix's statements (0 for statements new since).</summary>
    internal (double[] First, double[] Second)? ComponentsFor(VoteMatrix votes)
    {
        if (First.Length == 0)
        {
            return null;
        }
        var (first, second) = (new double[votes.Statements], new double[votes.Statements]);
        for (var i = 0; i < StatementIds.Length; i++)
        {
            if (votes.IndexOfStatement(StatementIds[i]) is var s and >= 0)
            {
                first[s] = First[i];
                second[s] = Second[i];
            }
        }
        return (first, second);
    }
}

/// <summary>A group's id and centre in map coordinates.</summary>
internal readonly record struct GroupCentre(int Id, double X, double Y);
