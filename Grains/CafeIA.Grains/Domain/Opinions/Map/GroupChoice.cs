namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The groups: the base clusters grouped by weighted k-means for each k from 2 to 5 (as many as
/// there are distinct base positions at most), each k's clustering the best of several starts (the
/// previous run's centres when k is the same, preferred unless another start is 2 % tighter;
/// farthest-first; four seeded k-means++), k chosen by the weighted silhouette and kept stable by
/// <see cref="GroupCountHistory"/>.
/// </summary>
internal static class GroupChoice
{
    public const int FewestGroups = 2, MostGroups = 5, Iterations = 50;

    /// <returns>The base clusters' group (0..k − 1), and the k-means result; null when fewer than 2 distinct positions.</returns>
    public static (KMeans.Result Clustering, GroupCountHistory History)? Choose(BaseClusters bases, GroupCentre[] previous, GroupCountHistory history)
    {
        var distinct = Distinct(bases.Centres);
        var feasible = Math.Min(MostGroups, distinct);
        if (feasible < FewestGroups)
        {
            return null;
        }
        var byK = new KMeans.Result[feasible + 1];
        var (bestK, bestScore) = (0, double.MinValue);
        for (var k = FewestGroups; k <= feasible; k++)
        {
            byK[k] = Best(bases, k, previous.Length == k ? previous : null);
            var score = Silhouette.Of(bases.Centres, bases.Weights, byK[k].Assignment, k);
            if (score > bestScore + 1e-9)
            {
                (bestK, bestScore) = (k, score);
            }
        }
        var next = history.Next(bestK, feasible);
        return (byK[next.Current], next);
    }

    private static KMeans.Result Best(BaseClusters bases, int k, GroupCentre[]? previous)
    {
        KMeans.Result? warm = null;
        if (previous is not null)
        {
            var start = new double[2 * k];
            for (var g = 0; g < k; g++)
            {
                (start[2 * g], start[2 * g + 1]) = (previous[g].X, previous[g].Y);
            }
            warm = KMeans.Run(bases.Centres, bases.Weights, start, Iterations);
        }
        KMeans.Result? best = null;
        var starts = new List<double[]> { KMeans.FarthestFirst(bases.Centres, bases.Weights, k) };
        for (var seed = 1UL; seed <= 4; seed++)
        {
            starts.Add(KMeans.PlusPlus(bases.Centres, bases.Weights, k, seed * 7919 + (ulong)k));
        }
        foreach (var start in starts)
        {
            var run = KMeans.Run(bases.Centres, bases.Weights, start, Iterations);
            if (run.Full && (best is null || run.Inertia < best.Inertia - 1e-12))
            {
                best = run;
            }
        }
        if (warm is { Full: true } && (best is null || warm.Inertia <= best.Inertia * 1.02 + 1e-12))
        {
            return warm;
        }
        return best ?? warm ?? KMeans.Run(bases.Centres, bases.Weights, KMeans.FarthestFirst(bases.Centres, bases.Weights, k), Iterations);
    }

    /// <summary>How many distinct positions (to 1e−9), up to <see cref="MostGroups"/>: more is never needed.</summary>
    private static int Distinct(double[] xy)
    {
        var seen = new List<(double, double)>();
        for (var i = 0; i < xy.Length / 2 && seen.Count < MostGroups; i++)
        {
            var fresh = true;
            foreach (var (x, y) in seen)
            {
                if (Math.Abs(x - xy[2 * i]) < 1e-9 && Math.Abs(y - xy[2 * i + 1]) < 1e-9)
                {
                    fresh = false;
                    break;
                }
            }
            if (fresh)
            {
                seen.Add((xy[2 * i], xy[2 * i + 1]));
            }
        }
        return seen.Count;
    }
}
