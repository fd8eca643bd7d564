namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The weighted silhouette of a grouping of base clusters: for each base cluster, (b − a) / max(a, b)
/// with a its mean distance to the rest of its group and b to the nearest other group, every
/// distance weighted by the clusters' sizes (a base cluster's members sit at its centre); averaged
/// by size. 1: tight, well-apart groups; 0: overlapping. A group of one person scores 0.
/// </summary>
internal static class Silhouette
{
    public static double Of(double[] xy, double[] weight, int[] group, int k)
    {
        var n = weight.Length;
        var groupWeight = new double[k];
        for (var i = 0; i < n; i++)
        {
            groupWeight[group[i]] += weight[i];
        }
        var sum = new double[k];
        var (total, score) = (0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sum);
            for (var j = 0; j < n; j++)
            {
                var (dx, dy) = (xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
                sum[group[j]] += weight[j] * Math.Sqrt(dx * dx + dy * dy);
            }
            total += weight[i];
            var own = group[i];
            if (groupWeight[own] <= 1)
            {
                continue;
            }
            var a = sum[own] / (groupWeight[own] - 1);
            var b = double.MaxValue;
            for (var g = 0; g < k; g++)
            {
                if (g != own && groupWeight[g] > 0)
                {
                    b = Math.Min(b, sum[g] / groupWeight[g]);
                }
            }
            var spread = Math.Max(a, b);
            if (b < double.MaxValue && spread > 0)
            {
                score += weight[i] * (b - a) / spread;
            }
        }
        return total > 0 ? score / total : 0;
    }
}
