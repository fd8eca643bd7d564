namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// A group's representative statements, as pol.is chooses them: for agreement, the group's
/// smoothed agree rate pa = (1 + A) / (2 + S) must be significantly above ½ and significantly above
/// the other groups' rate (both z-tests over 1.2816, one-sided 90 %); likewise for disagreement.
/// A statement represents by whichever of the two its test against the others favours more. The
/// significant ones are ranked by ratio × its z × rate × its z (the ratio: the group's rate over
/// the others'), best first, at most 5. A group with none has none: nothing is made up.
/// </summary>
internal static class Representativeness
{
    public const int Most = 5;

    public static RepresentativeStatement[] Of(GroupVotes votes, int group, Func<int, string> statementId, Func<int, bool> active)
    {
        var candidates = new List<(double Metric, int Statement, RepresentativeStatement Statement2)>();
        var s = votes.Statements;
        for (var j = 0; j < s; j++)
        {
            if (!active(j))
            {
                continue;
            }
            var cell = group * s + j;
            var (a, d, n) = (votes.Agree[cell], votes.Disagree[cell], votes.Seen[cell]);
            if (n == 0)
            {
                continue;
            }
            var (restA, restD, restN) = (0L, 0L, 0L);
            for (var g = 0; g < votes.Groups; g++)
            {
                if (g != group)
                {
                    restA += votes.Agree[g * s + j];
                    restD += votes.Disagree[g * s + j];
                    restN += votes.Seen[g * s + j];
                }
            }
            var agreeRest = ProportionTests.AgainstRest(a, n, restA, restN);
            var disagreeRest = ProportionTests.AgainstRest(d, n, restD, restN);
            var agrees = agreeRest > disagreeRest;
            var (success, restSuccess, restTest) = agrees ? (a, restA, agreeRest) : (d, restD, disagreeRest);
            var rate = GroupVotes.Smoothed(success, n);
            var test = ProportionTests.AgainstHalf(success, n);
            if (test <= ProportionTests.Significant || restTest <= ProportionTests.Significant)
            {
                continue;
            }
            var ratio = rate / GroupVotes.Smoothed(restSuccess, restN);
            candidates.Add((ratio * restTest * rate * test, j, new RepresentativeStatement(statementId(j), rate, agrees)));
        }
        candidates.Sort((x, y) => y.Metric != x.Metric ? y.Metric.CompareTo(x.Metric) : x.Statement.CompareTo(y.Statement));
        var result = new RepresentativeStatement[Math.Min(Most, candidates.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = candidates[i].Statement2;
        }
        return result;
    }
}
