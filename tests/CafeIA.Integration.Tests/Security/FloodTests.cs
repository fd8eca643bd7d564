using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// One client tries 1,000 questions a second: it is throttled (`rate-limited`) while 50 others
/// keep asking and upvoting. Their latency with and without the flood is reported, not asserted.
/// </summary>
public sealed class FloodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_flooding_client_is_throttled_while_the_others_keep_their_pace()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path);
        var created = await CafeClient.CreateSession(host.BaseAddress, "Inondation");
        await using var flooder = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("Inondeur"));
        var others = new List<CafeClient>();
        for (var i = 0; i < 50; i++)
        {
            others.Add(await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions($"P{i}")));
        }

        var quiet = await Measure(others, TimeSpan.FromSeconds(2));
        using var stopFlood = new CancellationTokenSource();
        var (accepted, refused, calls) = (0, 0, 0);
        var flood = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            for (var n = 0; !stopFlood.IsCancellationRequested; n++)
            {
                calls++;
                try
                {
                    await flooder.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest($"Spam {n}"));
                    accepted++;
                }
                catch (CallRefusedException ex) when (ex.Code == RefusalCodes.RateLimited)
                {
                    refused++;
                }
                // 1,000 calls a second.
                var due = TimeSpan.FromMilliseconds(n + 1) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
            }
        });
        var flooded = await Measure(others, TimeSpan.FromSeconds(3));
        stopFlood.Cancel();
        await flood;

        output.WriteLine($"Flooder: {accepted} questions accepted, {refused} refused with rate-limited.");
        output.WriteLine($"50 other participants, call latency: without flood p50 {quiet.P50:F1} ms p95 {quiet.P95:F1} ms ({quiet.Count} calls); during flood p50 {flooded.P50:F1} ms p95 {flooded.P95:F1} ms ({flooded.Count} calls).");
        // Every call of the flood was answered, and all but a handful with rate-limited. How many calls a
        // second the flooder manages depends on the machine; 3 s of flooding is hundreds of calls on any.
        Assert.Equal(calls, accepted + refused);
        Assert.True(refused >= 100, $"only {refused} refusals");
        Assert.True(accepted <= 6, $"{accepted} spam questions got through");
        Assert.Equal(0, flooded.Failures);
        foreach (var client in others)
        {
            await client.DisposeAsync();
        }
    }

    private sealed record Latency(double P50, double P95, int Count, int Failures);

    /// <summary>Every participant upvotes (and un-upvotes) at a human pace; returns the latencies.</summary>
    private static async Task<Latency> Measure(List<CafeClient> clients, TimeSpan duration)
    {
        var question = (await clients[0].Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest($"Vraie question {Guid.NewGuid():N}"))).QuestionId;
        var samples = new List<double>();
        var failures = 0;
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.Invoke(n % 2 == 0 ? "Upvote" : "RemoveUpvote", new QuestionRef(question));
                    lock (samples)
                    {
                        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (HubException)
                {
                    Interlocked.Increment(ref failures);
                }
                await Task.Delay(200);
            }
        })));
        samples.Sort();
        return new Latency(samples[samples.Count / 2], samples[(int)(samples.Count * 0.95)], samples.Count, failures);
    }
}
