using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// What a storm of calls gave: acknowledgement latencies (sorted, ms), failures, the last
/// acknowledgement, and per client (in the clients' order) when its call was sent (ms after the
/// storm began) and its latency (NaN: failed), for scenarios that look at where the tail lies.
/// </summary>
public sealed record StormResult(int Calls, TimeSpan Duration, List<double> Acks, int Failures, long LastAck, double[]? SentAt = null, double[]? Latencies = null,
    IReadOnlyDictionary<string, int>? FailureKinds = null)
{
    public int Acknowledged => Calls - Failures;

    /// <summary>| clients | storm | ack p50 | ack p99 | acknowledged | lost | counted, not acknowledged | projector exact after last ack |</summary>
    public string Row(int counted, string projectorLag) =>
        $"| {Calls:N0} | {Duration.TotalSeconds:F1} s | {Stats.Percentile(Acks, 0.5):F0} ms | {Stats.Percentile(Acks, 0.99):F0} ms | " +
        $"{Acknowledged} | {Math.Max(0, Acknowledged - counted)} | {Math.Max(0, counted - Acknowledged)} | {projectorLag} |";
}

/// <summary>
/// A room acting on a screen: every client makes one call at a random moment within the window;
/// each call is timed from its sending to its acknowledgement. A call that throws (refused, timed
/// out, connection lost) is a failure. With `ready`, client i's window starts only once ready(i)
/// completes (what it acts on has reached its screen); a ready(i) that throws is a failure.
/// </summary>
public static class Storm
{
    public static async Task<StormResult> Run(IReadOnlyList<HubConnection> clients, TimeSpan window, Func<HubConnection, int, Task> call, Func<int, Task>? ready = null)
    {
        var acks = new double[clients.Count];
        var sentAt = new double[clients.Count];
        var failures = 0;
        var kinds = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var lastAck = 0L;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            try
            {
                if (ready is not null)
                {
                    await ready(i);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * window.TotalMilliseconds));
                var sent = Stopwatch.GetTimestamp();
                sentAt[i] = Stopwatch.GetElapsedTime(started, sent).TotalMilliseconds;
                await call(client, i);
                var now = Stopwatch.GetTimestamp();
                acks[i] = Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds;
                InterlockedMax(ref lastAck, now);
            }
            catch (Exception e)
            {
                acks[i] = double.NaN;
                Interlocked.Increment(ref failures);
                kinds.AddOrUpdate(KindOf(e), 1, (_, n) => n + 1);
            }
        }));
        return new StormResult(clients.Count, Stopwatch.GetElapsedTime(started), acks.Where(a => !double.IsNaN(a)).Order().ToList(), failures, lastAck, sentAt, acks,
            new Dictionary<string, int>(kinds));
    }

    /// <summary>A failure's kind: its type and the first words of its message (ids and numbers vary, so only 60 characters).</summary>
    public static string KindOf(Exception e) => $"{e.GetType().Name}: {(e.Message.Length > 60 ? e.Message[..60] : e.Message)}";

    /// <summary>"3 × TimeoutException: …; 1 × HubException: …", most frequent first (empty: none).</summary>
    public static string Describe(IEnumerable<KeyValuePair<string, int>> kinds) =>
        string.Join("; ", kinds.GroupBy(k => k.Key).Select(g => (g.Key, Count: g.Sum(k => k.Value))).OrderByDescending(k => k.Count).Select(k => $"{k.Count} × {k.Key}"));

    /// <summary>
    /// A warm-up before a measured storm, not measured: 1% of the clients (at least 10) make the
    /// same kind of call on another target within a second, so that the measured storm finds the
    /// code paths compiled (server and load generator) as on a service that has been running.
    /// </summary>
    public static async Task WarmUp(IReadOnlyList<HubConnection> clients, Func<HubConnection, int, Task> call)
    {
        var result = await Run([.. clients.Take(Math.Max(10, clients.Count / 100))], TimeSpan.FromSeconds(1), call);
        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{result.Failures} warm-up calls failed.");
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
