using System.Diagnostics;
using System.Globalization;

namespace CafeIA.Bench;

/// <summary>
/// The soak (`bench soak --minutes 30`): S café slots (default 20) of P participants (default 100)
/// on the embedded gateway, for M minutes. A slot runs one café after another, each living
/// <see cref="CafeLength"/> (the first ones staggered so that cafés start and end all along the
/// run), checked against its ledger and deleted at its end; one café in five is unwatched for
/// <see cref="Away"/> in its middle, long enough for its session to leave the silo's memory
/// (Sessions:IdleAfter is 15 s here), so it is reloaded from storage when its people come back.
/// Every <see cref="SampleEvery"/> it samples the gateway: heap after a full collection forced
/// from outside, working set, CPU, sessions in memory. The verdict on memory is a slope test on
/// the heap over the steady part (after the first café length): it fails when the heap grows.
/// </summary>
public static class SoakBenchmark
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Away = TimeSpan.FromSeconds(40);
    private const double Tolerance = 0.05;

    private sealed record Sample(TimeSpan At, ServerMemory Memory, double CpuPercent, long SessionsInMemory, long Activations)
    {
        public TimeSpan Cpu { get; init; }
    }

    public static async Task<int> Run(BenchOptions options)
    {
        var run = TimeSpan.FromMinutes(options.Minutes);
        var cafeLength = run < TimeSpan.FromMinutes(5) ? run : TimeSpan.FromMinutes(5);
        var stagger = run >= 2 * cafeLength;
        await using var deployment = await Deployment.Embedded(options, settings: [$"--Sessions:IdleAfter={IdleAfter:c}"]);
        using var http = new HttpClient();
        var counters = new SoakCounters();
        var created = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var samples = new List<Sample>();
        var sampling = Sampling(deployment, http, clock, SampleEvery(run), samples, stop.Token);

        var slots = Enumerable.Range(0, options.Sessions).Select(async slot =>
        {
            for (var number = 0; ; number++)
            {
                var planned = stagger && number == 0 ? cafeLength * (slot + 1) / options.Sessions : cafeLength;
                var length = Min(planned, run - clock.Elapsed);
                if (length < TimeSpan.FromSeconds(20))
                {
                    return;
                }
                var cafeNumber = Interlocked.Increment(ref created);
                var unwatched = length >= Away + TimeSpan.FromSeconds(15) && (slot + number) % 5 == 0;
                try
                {
                    var cafe = new SoakCafe { Number = cafeNumber, Hub = deployment.Hub, Session = await deployment.CreateSession(http, $"Café {cafeNumber}") };
                    var (lost, doubled) = await cafe.Run(options.PerSession, length, unwatched ? Away : null, counters);
                    counters.Checked(lost, doubled, unwatched);
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"café {cafeNumber}: {e.GetType().Name}: {e.Message}");
                    counters.Crashed();
                }
            }
        });
        await Task.WhenAll(slots);
        await stop.CancelAsync();
        await sampling;
        samples.Add(await Read(deployment, http, clock, samples.LastOrDefault()));

        foreach (var sample in samples)
        {
            Console.WriteLine($"# {sample.At:mm\\:ss}  heap {Stats.Mb(sample.Memory.HeapBytes)} MB  working set {Stats.Mb(sample.Memory.WorkingSetBytes)} MB  CPU {sample.CpuPercent:F0} %  sessions in memory {sample.SessionsInMemory}");
        }
        var steady = samples.Where(s => s.At >= cafeLength).Select(s => (s.At.TotalMinutes, s.Memory.HeapBytes / 1048576.0)).ToList();
        var trend = Trend.Fit(steady);
        var grows = trend.Grows(Tolerance);
        var reloads = samples[^1].Activations;
        var half = samples.Count / 2;
        var verdict = trend.Samples < 6 ? "too short for a trend" : grows ? "GROWS" : "flat";
        // | minutes | cafés × participants | cafés (unwatched / reloaded) | joins · asks · upvotes · ballots · reads · reconnects · leaves | retried joins / late ballots / unanswered | refused | lost / doubled | crashed | heap steady mean, slope (verdict) | working set max | gateway CPU first / second half |
        Console.WriteLine(
            $"| {options.Minutes} | {options.Sessions} × {options.PerSession} | {created} ({counters.UnwatchedCafes} / {reloads}) | " +
            $"{counters[SoakAction.Join]:N0} · {counters[SoakAction.Ask]:N0} · {counters[SoakAction.Upvote]:N0} · {counters[SoakAction.Vote]:N0} · {counters[SoakAction.Read]:N0} · {counters[SoakAction.Reconnect]:N0} · {counters[SoakAction.Leave]:N0} | " +
            $"{counters[SoakAction.Rejoin]} / {counters[SoakAction.LateBallot]} / {counters[SoakAction.Unanswered]} | {counters.RefusalSummary} | {counters.Lost} / {counters.Doubled} | {counters.Crashes} | " +
            $"{(steady.Count == 0 ? "n/a" : $"{trend.Mean:F0} MB")}, {(double.IsNaN(trend.Slope) ? "n/a" : $"{trend.Slope.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} MB/min")} ({verdict}) | " +
            $"{Stats.Mb(samples.Max(s => s.Memory.WorkingSetBytes))} MB | {Average(samples.Take(half)):F0} % / {Average(samples.Skip(half)):F0} % |");
        var exact = counters.Lost == 0 && counters.Doubled == 0 && counters.Crashes == 0 && counters.Refusals == 0 && counters[SoakAction.Unanswered] == 0;
        var reloaded = counters.UnwatchedCafes == 0 || reloads >= counters.UnwatchedCafes;
        return exact && reloaded && !grows ? 0 : 1;
    }

    /// <summary>About 60 samples over the run, never more often than every 10 s.</summary>
    private static TimeSpan SampleEvery(TimeSpan run) => Max(TimeSpan.FromSeconds(10), run / 60);

    private static async Task Sampling(Deployment deployment, HttpClient http, Stopwatch clock, TimeSpan every, List<Sample> samples, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            samples.Add(await Read(deployment, http, clock, null));
            while (await timer.WaitForNextTickAsync(stop))
            {
                samples.Add(await Read(deployment, http, clock, samples[^1]));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<Sample> Read(Deployment deployment, HttpClient http, Stopwatch clock, Sample? previous)
    {
        var gateway = deployment.Gateway;
        var (at, cpu) = (clock.Elapsed, gateway.CpuTime);
        var cpuPercent = previous is null ? 0 : (cpu - previous.Cpu).TotalMilliseconds / (at - previous.At).TotalMilliseconds * 100;
        var memory = await ServerMemory.OfGateway(gateway, http);
        var metrics = (await http.GetStringAsync(new Uri(gateway.Address, "/metrics"))).Split('\n');
        return new Sample(at, memory, cpuPercent, Metric(metrics, "cafeia_sessions_active"), Metric(metrics, "cafeia_sessions_activations_total")) { Cpu = cpu };
    }

    private static long Metric(string[] metrics, string name) =>
        (long)metrics.Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static double Average(IEnumerable<Sample> samples) => samples.Skip(1).Select(s => s.CpuPercent).DefaultIfEmpty(0).Average();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
