namespace CafeIA.Bench;

/// <summary>
/// Where the programme's acknowledgement tail lies, from every voter's timings: the slowest 1 %
/// and when they were sent, the p99 per 5 s of the vote, and how long the pushed poll took to
/// reach the phones (after GO; each voter's window starts there).
/// </summary>
public static class ProgrammeTail
{
    private const double BucketMs = 5_000;

    public static IEnumerable<string> Lines(IReadOnlyList<ProgrammeVoteTimings> workers)
    {
        var votes = workers.SelectMany(w => w.SentAt.Select((sent, i) => (Sent: sent, Latency: w.Latency[i])))
            .Where(v => !double.IsNaN(v.Latency)).ToList();
        if (votes.Count == 0)
        {
            yield break;
        }
        var slowest = votes.OrderByDescending(v => v.Latency).Take(Math.Max(1, votes.Count / 100)).ToList();
        yield return $"tail: the slowest 1 % ({slowest.Count:N0} votes, {slowest[^1].Latency:F0} ms and more) were sent between " +
            $"{slowest.Min(v => v.Sent) / 1000:F1} and {slowest.Max(v => v.Sent) / 1000:F1} s (median {Stats.Percentile([.. slowest.Select(v => v.Sent).Order()], 0.5) / 1000:F1} s)";
        var buckets = votes.GroupBy(v => (int)(v.Sent / BucketMs)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key * BucketMs / 1000:F0}–{(g.Key + 1) * BucketMs / 1000:F0} s: {Summary(g.Select(v => v.Latency))}");
        yield return "tail: by moment sent: " + string.Join("; ", buckets);
        var arrivals = workers.SelectMany(w => w.PollArrival).Where(a => !double.IsNaN(a)).Order().ToList();
        if (arrivals.Count > 0)
        {
            yield return $"tail: the pushed poll reached {arrivals.Count:N0} phones, after GO: p50 {Stats.Percentile(arrivals, 0.5):F0} ms, " +
                $"p99 {Stats.Percentile(arrivals, 0.99):F0} ms, last {arrivals[^1]:F0} ms";
        }
    }

    private static string Summary(IEnumerable<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        return $"{sorted.Count:N0} votes, p50 {Stats.Percentile(sorted, 0.5):F0} ms, p99 {Stats.Percentile(sorted, 0.99):F0} ms";
    }
}
