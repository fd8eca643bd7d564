namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Many small clusters of dots (at most 100, as pol.is), the units the groups are made of, so that
/// grouping and its silhouette cost the same at 10,000 people as at 100. Up to 100 dots each is its
/// own; beyond, k-means warm-started from the previous run's centres (topped up farthest-first),
/// at most 20 iterations. Empty clusters are dropped.
/// </summary>
internal sealed record BaseClusters(double[] Centres, double[] Weights, int[] Assignment)
{
    public const int Most = 100, Iterations = 20;

    public int Count => Weights.Length;

    public static BaseClusters Of(double[] xy, double[]? previous)
    {
        var ones = new double[xy.Length / 2];
        Array.Fill(ones, 1.0);
        return Of(xy, ones, previous);
    }

    /// <summary>The same for weighted points (the national map's café clusters).</summary>
    public static BaseClusters Of(double[] xy, double[] weight, double[]? previous)
    {
        var n = weight.Length;
        if (n <= Most)
        {
            return new((double[])xy.Clone(), (double[])weight.Clone(), Enumerable.Range(0, n).ToArray());
        }
        var keep = previous is { Length: > 0 } ? previous[..Math.Min(previous.Length, 2 * Most)] : null;
        var start = KMeans.FarthestFirst(xy, weight, Most, keep);
        var run = KMeans.Run(xy, weight, start, Iterations);
        var remap = new int[Most];
        Array.Fill(remap, -1);
        var weights = new List<double>();
        var centres = new List<double>();
        var assignment = new int[n];
        for (var i = 0; i < n; i++)
        {
            var c = run.Assignment[i];
            if (remap[c] < 0)
            {
                remap[c] = weights.Count;
                weights.Add(0);
                centres.Add(run.Centres[2 * c]);
                centres.Add(run.Centres[2 * c + 1]);
            }
            assignment[i] = remap[c];
            weights[remap[c]] += weight[i];
        }
        return new([.. centres], [.. weights], assignment);
    }
}
