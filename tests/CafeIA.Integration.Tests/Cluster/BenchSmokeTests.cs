using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Cluster;

/// <summary>
/// Keeps the load generator working: a tiny fan-out run (20 clients, 2 rounds) against the
/// gateway and the bare hub. It checks that nothing is lost; it never asserts a time.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task The_fanout_benchmark_runs_and_loses_nothing()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(Repository.Root, "bench", "bin", configuration, framework, "CafeIA.Bench.dll"), "fanout", "--clients", "20", "--rounds", "2", "--configuration", configuration })
        {
            start.ArgumentList.Add(arg);
        }
        using var bench = Process.Start(start)!;
        var output = bench.StandardOutput.ReadToEndAsync();
        var error = bench.StandardError.ReadToEndAsync();
        await bench.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(bench.ExitCode == 0, $"bench failed ({bench.ExitCode}): {await output}{await error}");
        // | clients | bare p99 | ours p99 | ratio | ours p50 | lost | cpu | memory |
        var row = (await output).Trim().Split('\n').Last().Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal("20", row[1]);
        Assert.Equal("0", row[6]);
    }
}
