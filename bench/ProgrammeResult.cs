using System.Diagnostics;

namespace CafeIA.Bench;

/// <summary>
/// The programme scenario's measures, from the workers' reports, the national tally read at the
/// end (null when the programme had no such poll) and the servers' CPU time (silo, then gateways),
/// from the push to the last acknowledgement and over a quiet moment before the push.
/// </summary>
public sealed record ProgrammeResult(
    BenchOptions Options,
    ProgrammeWorkerReady[] Ready,
    ProgrammeWorkerVotes[] Votes,
    ProgrammeWorkerScreens[] Screens,
    ProgrammeCount? National,
    TimeSpan[] ServerCpu,
    TimeSpan[] QuietCpu)
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

    /// <summary>What the phones received from the push to the end, per phone.</summary>
    public string PhonesLine()
    {
        var total = Screens.Select(s => s.PhoneMessages).Aggregate((a, b) => a + b);
        var phones = (double)Options.Sessions * Options.PerSession;
        return $"phones: from the push to the end each received {total.Changes / phones:F1} change batches ({total.CarryingNational / phones:F1} of them " +
            $"carrying the national tallies) and {total.National / phones:F1} national messages of their own";
    }

    /// <summary>What the servers used with every screen connected and no vote, and that rate over the vote's span.</summary>
    public string QuietLine(TimeSpan quiet)
    {
        var span = Stopwatch.GetElapsedTime(Votes.Min(v => v.Started), Votes.Max(v => v.LastAck));
        var gateways = QuietCpu.Skip(1).Sum(c => c.TotalSeconds);
        return $"quiet: with every screen connected and no vote, the servers used per {quiet.TotalSeconds:F0} s: silo {QuietCpu[0].TotalSeconds:F2} s, " +
            $"gateways {string.Join(" + ", QuietCpu.Skip(1).Select(c => $"{c.TotalSeconds:F2}"))} s; at that rate the gateways' {ServerCpu.Skip(1).Sum(c => c.TotalSeconds):F1} s " +
            $"over the vote's {span.TotalSeconds:F1} s hold {gateways * span / quiet:F1} s of it";
    }

    private string Cpu() =>
        $"{ServerCpu.Sum(c => c.TotalSeconds):F1} s (silo {ServerCpu[0].TotalSeconds:F1} + gateways {string.Join(" + ", ServerCpu.Skip(1).Select(c => $"{c.TotalSeconds:F1}"))})";

    private static int[] Sum(IEnumerable<int[]> tallies) =>
        tallies.Aggregate(new int[ProgrammeBenchmark.Choices.Length], (sum, t) => [.. sum.Select((s, c) => s + At(t, c))]);

    private static int At(int[] values, int index) => index < values.Length ? values[index] : 0;
}
