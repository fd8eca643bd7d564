namespace CafeIA.Bench;

public static class Stats
{
    /// <summary>The value below which a fraction p of the sorted samples fall (NaN when there are none).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F0}";

    public static string Ratio(double ours, double bare) => bare > 0 ? $"{ours / bare:F2}" : "n/a";
}
