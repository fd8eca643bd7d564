using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// Vote storm: N participants of one session each vote once, spread over ~10 s. Reports the
/// acknowledgement latency, losses and doubles (the final tally against the acknowledged
/// ballots), and how long after the last acknowledgement the projector showed the exact count.
/// </summary>
public static class VoteStormBenchmark
{
    public static async Task<int> Run(BenchOptions options)
    {
        var root = FanoutBenchmark.RepositoryRoot();
        var data = Directory.CreateTempSubdirectory("cafeia-bench-").FullName;
        await using var server = await ServerProcess.Start(FanoutBenchmark.Binary(root, "Gateway", "CafeIA.Gateway.dll", options),
            $"--Storage:DataDirectory={data}", $"--Cluster:SiloPort={ServerProcess.FreePort()}", $"--Cluster:GatewayPort={ServerProcess.FreePort()}",
            "--Logging:LogLevel:Default=Warning", "--Limits:ConnectionsPerAddress=1000000");
        using var http = new HttpClient { BaseAddress = server.Address };
        var created = await (await http.PostAsJsonAsync("/api/sessions", new { title = "Vote" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("joinCode").GetString()!;
        var hub = new Uri(server.Address, "/hubs/cafe");

        var facilitator = (await FanoutBenchmark.Connect(1, hub, c => c.InvokeAsync<JsonElement>("JoinSession", code, new { key = created.GetProperty("facilitatorKey").GetString() })))[0].Client;
        await facilitator.InvokeAsync("StartSession", new { });
        var poll = (await facilitator.InvokeAsync<JsonElement>("CreatePoll", new { question = "Confiance ?", kind = "single", options = new[] { "oui", "non", "sans avis" } })).GetProperty("pollId").GetString();
        await facilitator.InvokeAsync("OpenPoll", new { pollId = poll });

        var projectorVoters = 0;
        long? projectorExactAt = null;
        var projector = new HubConnectionBuilder().WithUrl(hub, o => { o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets; o.SkipNegotiation = true; }).Build();
        projector.On<JsonElement>("changes", batch =>
        {
            foreach (var e in batch.GetProperty("events").EnumerateArray())
            {
                if (e.GetProperty("type").GetString() == "pollResults")
                {
                    projectorVoters = e.GetProperty("results").GetProperty("voters").GetInt32();
                    if (projectorVoters == options.Clients)
                    {
                        projectorExactAt ??= Stopwatch.GetTimestamp();
                    }
                }
            }
        });
        await projector.StartAsync();
        await projector.InvokeAsync<JsonElement>("JoinSession", code, new { key = created.GetProperty("projectorKey").GetString() });

        var voters = await FanoutBenchmark.Connect(options.Clients, hub, c => c.InvokeAsync<JsonElement>("JoinSession", code, new { displayName = "P", mode = "remote" }));
        var acks = new double[voters.Count];
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var lastAck = 0L;
        await Task.WhenAll(voters.Select(async (voter, i) =>
        {
            // Spread over ten seconds, as a room answering a poll on screen.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 10_000));
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await voter.Client.InvokeAsync("Vote", new { pollId = poll, choices = new[] { i % 3 }, opId = $"vote-{i}" });
                var now = Stopwatch.GetTimestamp();
                acks[i] = Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds;
                InterlockedMax(ref lastAck, now);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }
        }));
        var storm = Stopwatch.GetElapsedTime(started);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (projectorExactAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        var snapshot = await facilitator.InvokeAsync<JsonElement>("GetSnapshot");
        var results = snapshot.GetProperty("polls").EnumerateArray().Single(p => p.GetProperty("id").GetString() == poll).GetProperty("results");
        var counted = results.GetProperty("voters").GetInt32();
        var acknowledged = voters.Count - failures;
        var sorted = acks.Where(a => a > 0).Order().ToList();
        var projectorLag = projectorExactAt is { } at ? $"{Stopwatch.GetElapsedTime(lastAck, at).TotalMilliseconds:F0} ms" : "never";
        Console.WriteLine($"| {options.Clients:N0} | {storm.TotalSeconds:F1} s | {sorted[sorted.Count / 2]:F0} ms | {sorted[(int)(sorted.Count * 0.99)]:F0} ms | " +
            $"{acknowledged} | {Math.Max(0, acknowledged - counted)} | {Math.Max(0, counted - acknowledged)} | {projectorLag} |");
        await projector.DisposeAsync();
        await facilitator.DisposeAsync();
        await Task.WhenAll(voters.Select(v => v.Client.DisposeAsync().AsTask()));
        Directory.Delete(data, recursive: true);
        return counted == acknowledged && failures == 0 ? 0 : 1;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
