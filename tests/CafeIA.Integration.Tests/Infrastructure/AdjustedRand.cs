namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>How well two labellings of the same items agree, corrected for chance: 1 the same partition, about 0 chance (Hubert and Arabie).</summary>
internal static class AdjustedRand
{
    public static double Index(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException("Both labellings must cover the same items.");
        }
        var table = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < a.Count; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var (sumRows, sumColumns) = (rows.Values.Sum(Pairs), columns.Values.Sum(Pairs));
        var expected = sumRows * sumColumns / Pairs(a.Count);
        var max = (sumRows + sumColumns) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }
}
