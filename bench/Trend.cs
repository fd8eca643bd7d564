namespace CafeIA.Bench;

/// <summary>
/// A least-squares line through (t, y) samples and whether it rises: the slope per unit of t, its
/// standard error, and the verdict "grows" when the slope is above zero by more than two standard
/// errors AND the rise it predicts over the samples' span is more than `tolerance` of their mean
/// (a real but negligible drift does not fail a run; noise does not either).
/// </summary>
public sealed record Trend(double Slope, double StandardError, double Mean, double Span, int Samples)
{
    public bool Grows(double tolerance) =>
        Samples >= 6 && Slope - 2 * StandardError > 0 && Slope * Span > tolerance * Mean;

    public static Trend Fit(IReadOnlyList<(double T, double Y)> samples)
    {
        var n = samples.Count;
        if (n < 3)
        {
            return new Trend(double.NaN, double.NaN, n == 0 ? double.NaN : samples.Average(s => s.Y), 0, n);
        }
        var (meanT, meanY) = (samples.Average(s => s.T), samples.Average(s => s.Y));
        var sxx = samples.Sum(s => (s.T - meanT) * (s.T - meanT));
        var slope = samples.Sum(s => (s.T - meanT) * (s.Y - meanY)) / sxx;
        var intercept = meanY - slope * meanT;
        var residuals = samples.Sum(s => Math.Pow(s.Y - (intercept + slope * s.T), 2));
        var error = Math.Sqrt(residuals / (n - 2) / sxx);
        return new Trend(slope, error, meanY, samples[^1].T - samples[0].T, n);
    }
}
