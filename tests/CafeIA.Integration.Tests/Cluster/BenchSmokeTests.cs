using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Cluster;

/// <summary>
/// Keeps the load generator working: every scenario at a tiny size, against the real servers it
/// starts itself (and the bare hub where it has one). A scenario exits 0 only if nothing was lost,
/// doubled or failed, and prints its Markdown row last; no time is ever asserted.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task The_fanout_benchmark_runs_and_loses_nothing()
    {
        // | clients | bare p99 | ours p99 | ratio | ours p50 | lost | cpu | memory |
        var row = await Run("fanout", "--clients", "20", "--rounds", "2");
        Assert.Equal("20", row[1]);
        Assert.Equal("0", row[6]);
    }

    [Theory]
    [InlineData("votes", "--clients", "20")]
    [InlineData("votes", "--clients", "20", "--storage", "postgres")]
    [InlineData("upvotes", "--clients", "20")]
    // A ratio of p99s at 20 clients is noise: the smoke run checks exactness only.
    [InlineData("reactions", "--clients", "20", "--seconds", "2", "--max-ratio", "1000")]
    [InlineData("join", "--clients", "20")]
    [InlineData("sessions", "--sessions", "3", "--per-session", "4")]
    [InlineData("programme", "--sessions", "4", "--per-session", "3")]
    // One session over two gateways: fan-out against two bare hubs, then a vote storm.
    [InlineData("spread", "--clients", "20", "--rounds", "2")]
    // One minute: cafés checked and deleted at the end, one of them unwatched until its session is reloaded.
    [InlineData("soak", "--minutes", "1", "--sessions", "4", "--per-session", "20")]
    public async Task Each_scenario_runs_and_loses_nothing(params string[] args)
    {
        var row = await Run(args);
        Assert.StartsWith(args[0] is "sessions" or "programme" ? $"{args[2]} × {args[4]}" : args[2], row[1], StringComparison.Ordinal);
    }

    /// <summary>The session grain in process (bench/Grain): its ballot ceiling, reloaded exactly after a restart, and its cold start.</summary>
    [Theory]
    [InlineData("ceiling", "--voters", "50", "--polls", "2")]
    [InlineData("ceiling", "--voters", "50", "--polls", "2", "--storage", "postgres")]
    [InlineData("coldstart", "--participants", "60", "--ballots", "40", "--questions", "10")]
    public async Task Each_grain_scenario_runs_and_loses_nothing(params string[] args)
    {
        var row = await Run(Path.Combine("Grain", "bin"), "CafeIA.Bench.Grain.dll", args);
        Assert.Equal(args[2], row[2].Replace(",", "", StringComparison.Ordinal));
        if (args[0] == "ceiling")
        {
            // | storage | voters | ballots | ballots/s | each poll | ack p50 / p99 | joins/s | lost | doubled |
            Assert.Equal(("0", "0"), (row[8], row[9]));
        }
        else
        {
            Assert.Equal("yes", row[9]);
        }
    }

    private static Task<string[]> Run(params string[] args) => Run("bin", "CafeIA.Bench.dll", args, "--configuration");

    private static async Task<string[]> Run(string bin, string dll, string[] args, string? configurationOption = null)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] command = [Path.Combine(Repository.Root, "bench", bin, configuration, framework, dll), .. args, .. configurationOption is null ? [] : new[] { configurationOption, configuration }];
        foreach (var arg in command)
        {
            start.ArgumentList.Add(arg);
        }
        using var bench = Process.Start(start)!;
        var output = bench.StandardOutput.ReadToEndAsync();
        var error = bench.StandardError.ReadToEndAsync();
        await bench.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(bench.ExitCode == 0, $"bench {string.Join(' ', args)} failed ({bench.ExitCode}): {await output}{await error}");
        // The row is the last Markdown line (a server's late log line may follow it).
        return (await output).Trim().Split('\n').Last(l => l.StartsWith('|')).Split('|', StringSplitOptions.TrimEntries);
    }
}
