using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Bench;

/// <summary>
/// The opinion map's recompute (issue 17), in process, no server: planted groups of opinion over
/// participants × statements, each participant voting on 30–60 % of the statements (drawn at
/// random), noise and passes included. Cold: a run with no memory. Warm: the live tick, each run
/// after a few more votes (a tenth of the participants vote once more) with the previous run's
/// memory. Prints median and p95 of each as a Markdown row per size, in wall-clock time and in
/// the computing thread's CPU time (what the run costs on a core of its own: the wall-clock figure
/// also counts the time the thread waited for a core on a busy machine); exits 1 when the
/// wall-clock p95 is above the targets (200 ms at 1,000 × 100, 2 s at 10,000 × 200).
/// </summary>
public static class OpinionMapBenchmark
{
    private static readonly (int Participants, int Statements, double TargetMs)[] Sizes = [(1000, 100, 200), (10_000, 200, 2000)];

    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(11);
        Console.WriteLine("| participants × statements | votes | cold median / p95 (ms) | warm median / p95 (ms) | cold CPU median / p95 (ms) | warm CPU median / p95 (ms) | groups | target |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var failed = false;
        foreach (var (participants, statements, target) in Sizes)
        {
            var random = new Random(17);
            var (matrix, votes) = Planted(participants, statements, groups: 3, random);
            OpinionMapper.Compute(matrix, null); // JIT and first-touch, untimed
            var (cold, coldCpu) = (new List<double>(), new List<double>());
            OpinionMap? map = null;
            for (var i = 0; i < runs; i++)
            {
                var (clock, cpu) = (Stopwatch.StartNew(), ThreadCpuMs());
                map = OpinionMapper.Compute(matrix, null);
                coldCpu.Add(ThreadCpuMs() - cpu);
                cold.Add(clock.Elapsed.TotalMilliseconds);
            }
            var (warm, warmCpu) = (new List<double>(), new List<double>());
            for (var i = 0; i < runs; i++)
            {
                for (var v = 0; v < participants / 10; v++)
                {
                    matrix.Set($"p{random.Next(participants)}", matrix.StatementId(random.Next(statements)), (sbyte)random.Next(-1, 2));
                    votes++;
                }
                var (clock, cpu) = (Stopwatch.StartNew(), ThreadCpuMs());
                map = OpinionMapper.Compute(matrix, map!.Memory);
                warmCpu.Add(ThreadCpuMs() - cpu);
                warm.Add(clock.Elapsed.TotalMilliseconds);
            }
            foreach (var list in new[] { cold, warm, coldCpu, warmCpu })
            {
                list.Sort();
            }
            string Figures(List<double> sorted) => string.Create(CultureInfo.InvariantCulture, $"{Stats.Percentile(sorted, 0.5):F0} / {Stats.Percentile(sorted, 0.95):F0}");
            var worst = Math.Max(Stats.Percentile(cold, 0.95), Stats.Percentile(warm, 0.95));
            failed |= worst > target;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {participants:N0} × {statements} | {votes:N0} | {Figures(cold)} | {Figures(warm)} | {Figures(coldCpu)} | {Figures(warmCpu)} | {map!.Groups.Count} | ≤ {target:N0} ms {(worst <= target ? "✓" : "✗")} |"));
        }
        National(cafes: 200, perCafe: 20, statements: 100);
        return failed ? 1 : 0;
    }

    /// <summary>
    /// The staged national map at a programme of 200 cafés × 20 participants: each stage timed
    /// (a café's stages as the mean over cafés), all in this one process one after another.
    /// </summary>
    private static void National(int cafes, int perCafe, int statements)
    {
        var random = new Random(29);
        var ids = Enumerable.Range(0, statements).Select(j => $"s{j}").ToArray();
        var matrices = new VoteMatrix[cafes];
        var planted = new Dictionary<string, int>();
        for (var c = 0; c < cafes; c++)
        {
            var (matrix, _) = Planted(perCafe, statements, groups: 3, random);
            // Participant p's planted group is p % 3 (see Planted); ids made unique per café.
            matrices[c] = new VoteMatrix(ids);
            for (var p = 0; p < perCafe; p++)
            {
                for (var j = 0; j < statements; j++)
                {
                    if (matrix.Vote($"p{p}", ids[j]) is { } vote)
                    {
                        matrices[c].Set($"c{c}p{p}", ids[j], vote);
                    }
                }
                planted[$"c{c}p{p}"] = p % 3;
            }
        }
        var clock = Stopwatch.StartNew();
        var aggregates = matrices.Select(m => OpinionAggregate.From(m, ids)).ToArray();
        var aggregateMs = clock.Elapsed.TotalMilliseconds / cafes;
        clock.Restart();
        var merged = aggregates.Aggregate((a, b) => a.Merge(b));
        var mergeMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var components = NationalComponents.FromAggregate(merged, null);
        var componentsMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var reductions = matrices.Select((m, c) => CafeClusters.Reduce($"cafe{c}", m, components, _ => true)).ToArray();
        var reduceMs = clock.Elapsed.TotalMilliseconds / cafes;
        clock.Restart();
        var map = NationalMapper.Compute(components, reductions.Select(r => r.Clusters).ToArray(), null);
        var nationalMs = clock.Elapsed.TotalMilliseconds;
        var placed = reductions.SelectMany((r, c) => r.ClusterOf.Select(m => (m.Key, map.CafeGroups[$"cafe{c}"][m.Value]))).ToArray();
        var agreement = Agreement(placed.Select(p => planted[p.Key]).ToArray(), placed.Select(p => p.Item2).ToArray());
        Console.WriteLine();
        Console.WriteLine("| national: cafés × participants × statements | café aggregate (ms, mean) | merge all (ms) | components (ms) | café reduce (ms, mean) | national map (ms) | clusters in | groups | planted pairs kept together / apart |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {cafes} × {perCafe} × {statements} | {aggregateMs:F2} | {mergeMs:F1} | {componentsMs:F1} | {reduceMs:F2} | {nationalMs:F1} | {reductions.Sum(r => r.Clusters.Clusters.Count)} | {map.Groups.Count} | {agreement:P1} |"));
    }

    /// <summary>The Rand index: the share of pairs of people on which two groupings agree (together in both, or apart in both).</summary>
    private static double Agreement(int[] a, int[] b)
    {
        var (agree, pairs) = (0L, 0L);
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = i + 1; j < a.Length; j++)
            {
                agree += (a[i] == a[j]) == (b[i] == b[j]) ? 1 : 0;
                pairs++;
            }
        }
        return pairs == 0 ? 1 : (double)agree / pairs;
    }

    /// <summary>The calling thread's CPU time (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)); NaN elsewhere.</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }
        return ClockGetTime(3, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>
    /// Groups each agreeing with its own block of statements and disagreeing with the next group's,
    /// split on the rest; 15 % of votes replaced by a random one.
    /// </summary>
    private static (VoteMatrix Matrix, long Votes) Planted(int participants, int statements, int groups, Random random)
    {
        var matrix = new VoteMatrix(Enumerable.Range(0, statements).Select(j => $"s{j}").ToArray());
        var votes = 0L;
        var order = Enumerable.Range(0, statements).ToArray();
        for (var p = 0; p < participants; p++)
        {
            var group = p % groups;
            random.Shuffle(order);
            var count = (int)(statements * (0.3 + 0.3 * random.NextDouble()));
            foreach (var j in order[..count])
            {
                var block = j * groups / statements;
                sbyte vote = block == group ? (sbyte)1 : block == (group + 1) % groups ? (sbyte)-1 : (sbyte)random.Next(-1, 2);
                if (random.NextDouble() < 0.15)
                {
                    vote = (sbyte)random.Next(-1, 2);
                }
                matrix.Set($"p{p}", matrix.StatementId(j), vote);
                votes++;
            }
        }
        return (matrix, votes);
    }
}
