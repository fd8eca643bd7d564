namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Which statement a participant sees next. Each eligible statement they have not voted on scores
/// (1 − pass rate) × (¼ + divisiveness) × novelty, where the pass rate is smoothed (1 + P) / (2 + S),
/// divisiveness is how far apart the groups' agree rates are (from the last map; an even split of
/// everyone's votes before there are groups; ½ for a statement the map has not seen), and novelty
/// is pol.is's boost for new statements, 1 + 8 · 2^(−S / 5) (9 with no votes, about 2 after 10).
/// The score is multiplied by a jitter in [0.8, 1.2) drawn from a hash of (seed, participant,
/// statement), so people with the same choices do not all get the same statement, and the same
/// seed always gives the same answer; the highest wins, the earlier eligible one among equals.
/// </summary>
public static class NextStatement
{
    /// <summary>
    /// The statement this participant should see next among <paramref name="eligible"/> (approved,
    /// open, not yet voted by them), favouring informative and new statements; deterministic given
    /// <paramref name="seed"/>. Null when nothing is left (a statement they voted on, or excluded
    /// from the map, is never returned).
    /// </summary>
    public static string? Choose(VoteMatrix votes, string participantId, OpinionMap? map, IReadOnlyList<string> eligible, int seed)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(eligible);
        var participant = votes.IndexOfParticipant(participantId);
        var divisiveness = map?.Memory.Divisiveness;
        string? best = null;
        var bestScore = double.MinValue;
        foreach (var id in eligible)
        {
            var s = id is null ? -1 : votes.IndexOfStatement(id);
            if (id is null || (s >= 0 && (votes.IsExcluded(s) || (participant >= 0 && votes.VoteAt(participant, s) is not null))))
            {
                continue;
            }
            var counts = s >= 0 ? votes.VotesOn(s) : default;
            var passRate = (1.0 + counts.Pass) / (2.0 + counts.Seen);
            var divided = divisiveness is not null && divisiveness.TryGetValue(id, out var d) ? d
                : counts.Seen > 0 ? 1 - Math.Abs(counts.Agree - counts.Disagree) / (counts.Agree + counts.Disagree + 2.0)
                : 0.5;
            var novelty = 1 + 8 * Math.Pow(2, -counts.Seen / 5.0);
            var score = (1 - passRate) * (0.25 + divided) * novelty * (0.8 + 0.4 * Jitter(seed, participantId, id));
            if (score > bestScore)
            {
                (best, bestScore) = (id, score);
            }
        }
        return best;
    }

    /// <summary>A uniform number in [0, 1) from FNV-1a over the seed and the two ids: the same on every run and machine.</summary>
    private static double Jitter(int seed, string participantId, string statementId)
    {
        var hash = 14695981039346656037UL;
        void Mix(uint value)
        {
            for (var i = 0; i < 4; i++)
            {
                hash = (hash ^ ((value >> (8 * i)) & 0xFF)) * 1099511628211UL;
            }
        }
        Mix((uint)seed);
        foreach (var ch in participantId)
        {
            Mix(ch);
        }
        Mix(0xFFFF);
        foreach (var ch in statementId)
        {
            Mix(ch);
        }
        var mixed = new KMeans.SplitMix(hash).Next();
        return (mixed >> 11) * (1.0 / (1UL << 53));
    }
}
