namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Who is placed on the map and clustered: participants with at least min(7, statements) votes;
/// while fewer than 15 qualify, the set is topped up to 15 with those who voted most (earliest
/// first among equals); once in, a participant stays in, so a dot never vanishes.
/// </summary>
public static class ClusteredSet
{
    public const int VotesNeeded = 7, TopUpTo = 15;

    /// <summary>The votes a participant needs: min(7, statements), at least 1.</summary>
    public static int Threshold(int statements) => Math.Max(1, Math.Min(VotesNeeded, statements));

    /// <returns>Participant indices, ascending.</returns>
    internal static int[] Choose(VoteMatrix matrix, SparseVotes votes, HashSet<string> previous)
    {
        var threshold = Threshold(votes.ActiveStatements);
        var chosen = new bool[votes.Participants];
        var count = 0;
        for (var p = 0; p < votes.Participants; p++)
        {
            if (votes.VotesOf(p) >= threshold || (previous.Count > 0 && previous.Contains(matrix.ParticipantId(p))))
            {
                chosen[p] = true;
                count++;
            }
        }
        if (count < TopUpTo)
        {
            var candidates = new List<int>();
            for (var p = 0; p < votes.Participants; p++)
            {
                if (!chosen[p] && votes.VotesOf(p) > 0)
                {
                    candidates.Add(p);
                }
            }
            candidates.Sort((a, b) => votes.VotesOf(b) != votes.VotesOf(a) ? votes.VotesOf(b) - votes.VotesOf(a) : a - b);
            for (var i = 0; i < candidates.Count && count < TopUpTo; i++, count++)
            {
                chosen[candidates[i]] = true;
            }
        }
        var result = new int[count];
        var at = 0;
        for (var p = 0; p < votes.Participants; p++)
        {
            if (chosen[p])
            {
                result[at++] = p;
            }
        }
        return result;
    }
}
