using System.Diagnostics;

namespace CafeIA.Bench;

/// <summary>
/// The programme scenario's measures, from the workers' reports, the national tally read at the
/// end (null when the programme had no such poll) and the servers' CPU time (silo, then gateways).
/// </summary>
public sealed record ProgrammeResult(
    BenchOptions Options,
    ProgrammeWorkerReady[] Ready,
    ProgrammeWorkerVotes[] Votes,
    ProgrammeWorkerScreens[] Screens,
    ProgrammeCount? National,
    TimeSpan[] ServerCpu)
{
    private IEnumerable<ProgrammeCafeTally> Cafes => Votes.SelectMany(v => v.Cafes);

    public int FailedJoins => Ready.Sum(r => r.FailedJoins);
    public int Acknowledged => Votes.Sum(v => v.Acks.Length);
    public int Failed => Votes.Sum(v => v.Failures);
    public int CafesExact => Cafes.Count(c => c.Exact);

    /// <summary>The acknowledged ballots per choice, summed over every café: what the national tally must be.</summary>
    public int[] AckedOnsite => Sum(Cafes.Select(c => c.AckedOnsite));
    public int[] AckedRemote => Sum(Cafes.Select(c => c.AckedRemote));
    public int[] Acked => [.. AckedOnsite.Zip(AckedRemote, (o, r) => o + r)];

    /// <summary>Acknowledged ballots missing from the national counts, per choice, summed.</summary>
    public int Lost => National is { } n ? Acked.Select((a, c) => Math.Max(0, a - At(n.Counts, c))).Sum() : Acknowledged;

    /// <summary>National counts beyond the acknowledged ballots, per choice, summed.</summary>
    public int Doubled => National is { } n ? n.Counts.Select((x, c) => Math.Max(0, x - At(Acked, c))).Sum() : 0;

    /// <summary>The national tally is the acknowledged ballots exactly: counts, on site, remote, voters.</summary>
    public bool NationalExact => National is { } n
        && n.Counts.SequenceEqual(Acked) && n.Onsite.SequenceEqual(AckedOnsite) && n.Remote.SequenceEqual(AckedRemote)
        && n.Voters == Acknowledged && n.VotersOnsite == AckedOnsite.Sum() && n.VotersRemote == AckedRemote.Sum();

    public bool Passed => Lost == 0 && Doubled == 0 && CafesExact == Options.Sessions && NationalExact && Failed == 0 && FailedJoins == 0;

    public int MedianDistinctValues => Screens.SelectMany(s => s.DistinctValues).Order().ElementAtOrDefault(Screens.Sum(s => s.DistinctValues.Length) / 2);

    /// <summary>
    /// | sessions × participants | connections | vote window (first vote sent → last ack) | ack p50 | ack p99 | acknowledged | failed |
    /// lost (acked, not counted nationally) | doubled (counted nationally, not acked) | cafés exact | national exact after last ack
    /// on the projectors (first; every one) | on the phones (every one) | server CPU from the push to the last ack (silo + 2 gateways) |
    /// </summary>
    public string Row()
    {
        var acks = Votes.SelectMany(v => v.Acks).Order().ToList();
        var lastAck = Votes.Max(v => v.LastAck);
        var window = lastAck == 0 ? "n/a" : $"{Stopwatch.GetElapsedTime(Votes.Min(v => v.Started), lastAck).TotalSeconds:F1} s";
        var connections = Ready.Sum(r => r.Connections);
        return $"| {Options.Sessions:N0} × {Options.PerSession} | {connections:N0}{(FailedJoins > 0 ? $" ({FailedJoins:N0} failed joins)" : "")} | {window} | " +
            $"{Stats.Percentile(acks, 0.5):F0} ms | {Stats.Percentile(acks, 0.99):F0} ms | {Acknowledged:N0} | {Failed:N0} | {Lost:N0} | {Doubled:N0} | " +
            $"{CafesExact:N0} / {Options.Sessions:N0} | {NationalLag(lastAck, Screens.SelectMany(s => s.ProjectorsExactAt))} | " +
            $"{NationalLag(lastAck, Screens.SelectMany(s => s.ExactAt))} | {Cpu()} |";
    }

    /// <summary>How the national count's arrival after the last ack spreads over the screens, per gateway's worker: projectors, then the watched phones.</summary>
    public string SpreadLine()
    {
        var lastAck = Votes.Max(v => v.LastAck);
        return "screens: exact after the last ack, per worker (p50 / p90 / last): " + string.Join("; ", Screens.Select((s, w) =>
            $"worker {w + 1} projectors {Spread(lastAck, s.ProjectorsExactAt)}, phones {Spread(lastAck, s.ExactAt)}"));
    }

    private static string Spread(long lastAck, IEnumerable<long?> exactAt)
    {
        var seen = exactAt.OfType<long>().Select(at => Stopwatch.GetElapsedTime(lastAck, at).TotalMilliseconds).Order().ToList();
        return lastAck == 0 || seen.Count == 0 ? "n/a"
            : $"{Stats.Percentile(seen, 0.5):F0} / {Stats.Percentile(seen, 0.9):F0} / {seen[^1]:F0} ms";
    }

    private static string NationalLag(long lastAck, IEnumerable<long?> exactAt)
    {
        var screens = exactAt.ToList();
        var seen = screens.OfType<long>().Select(at => Stopwatch.GetElapsedTime(lastAck, at).TotalMilliseconds).Order().ToList();
        return lastAck == 0 ? "n/a (nothing acknowledged)"
            : seen.Count == 0 ? $"never (0 of {screens.Count:N0} screens)"
            : seen.Count < screens.Count ? $"{seen[0]:F0} ms ({screens.Count - seen.Count:N0} of {screens.Count:N0} screens never)"
            : $"{seen[0]:F0} ms (every screen: {seen[^1]:F0} ms)";
    }

    private string Cpu() =>
        $"{ServerCpu.Sum(c => c.TotalSeconds):F1} s (silo {ServerCpu[0].TotalSeconds:F1} + gateways {string.Join(" + ", ServerCpu.Skip(1).Select(c => $"{c.TotalSeconds:F1}"))})";

    private static int[] Sum(IEnumerable<int[]> tallies) =>
        tallies.Aggregate(new int[ProgrammeBenchmark.Choices.Length], (sum, t) => [.. sum.Select((s, c) => s + At(t, c))]);

    private static int At(int[] values, int index) => index < values.Length ? values[index] : 0;
}
