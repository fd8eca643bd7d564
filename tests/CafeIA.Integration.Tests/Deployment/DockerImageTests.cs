using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Deployment;

/// <summary>
/// No container runtime runs on these machines, so the images are checked by doing what their
/// Dockerfiles do: copy the build context .dockerignore lets through, run the Dockerfile's own
/// publish command in it, then start the output with the final stage's working folder,
/// environment and entry point, and ask it for health. Only what a container's own network and
/// volume give it is mapped: the port 8080 (and the silo's cluster ports) to free ports here,
/// and the /data volume to a temporary folder.
/// </summary>
public sealed partial class DockerImageTests
{
    public static TheoryData<string, string> Images => new() { { "Gateway", "CafeIA.Gateway.dll" }, { "Silo", "CafeIA.Silo.dll" } };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_runs_as_a_non_root_user_on_pinned_base_images(string project, string assembly)
    {
        var dockerfile = Dockerfile.Read(Path.Combine(Repository.Root, project, "Dockerfile"));

        Assert.True(dockerfile.FinalUser == "$APP_UID" || (int.TryParse(dockerfile.FinalUser, out var uid) && uid > 0),
            $"{project}'s image runs as '{dockerfile.FinalUser}', not as a numeric non-root user.");
        Assert.Equal(["dotnet", assembly], dockerfile.EntryPoint);
        var sdk = Assert.Single(dockerfile.BaseImages, i => i.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{GlobalJsonSdk()}", sdk);
        foreach (var image in dockerfile.BaseImages.Where(i => i != sdk))
        {
            Assert.Matches(PinnedByDigest(), image);
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task What_the_Dockerfile_publishes_starts_with_its_environment_and_is_healthy(string project, string assembly)
    {
        var dockerfile = Dockerfile.Read(Path.Combine(Repository.Root, project, "Dockerfile"));
        using var context = new TempDirectory();
        using var output = new TempDirectory();
        using var volume = new TempDirectory();
        Assert.True(BuildContext.CopyTo(Repository.Root, context.Path) > 0);
        Assert.False(Directory.Exists(Path.Combine(context.Path, "Web", "node_modules")), "the context holds what .dockerignore excludes");

        await Publish(dockerfile, context.Path, output.Path);
        Assert.True(File.Exists(Path.Combine(output.Path, assembly)));

        var port = Ports.Free();
        var environment = dockerfile.FinalEnvironment.ToDictionary(
            e => e.Key,
            e => e.Value.Replace(":8080", $":{port}", StringComparison.Ordinal) is var value && value == "/data" ? volume.Path : value);
        Assert.Equal($"http://+:{port}", environment["Urls"]);
        environment["DOTNET_NOLOGO"] = "1";
        if (project == "Silo")
        {
            environment["Cluster__SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment["Cluster__GatewayPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var workingDirectory = dockerfile.FinalWorkingDirectory == "/app" ? output.Path : throw new InvalidOperationException("the final stage works in /app");
        await using var service = await ServiceProcess.StartCommand(project, dockerfile.EntryPoint, workingDirectory, environment, new Uri($"http://127.0.0.1:{port}"));

        using var http = new HttpClient { BaseAddress = service.HttpAddress };
        Assert.True((await http.GetAsync("/health/live")).IsSuccessStatusCode);
        Assert.True((await http.GetAsync("/health/ready")).IsSuccessStatusCode);
        // The embedded store lives in the volume, never in the image's folders.
        Assert.NotEmpty(Directory.EnumerateFiles(volume.Path, "*.db", SearchOption.AllDirectories));
        if (project == "Gateway")
        {
            var home = await http.GetAsync("/");
            Assert.True(home.IsSuccessStatusCode);
            Assert.Contains("<html", await home.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The Dockerfile's RUN … dotnet publish … as written, with /app (its output) and /src (its WORKDIR) mapped here.</summary>
    private static async Task Publish(Dockerfile dockerfile, string context, string output)
    {
        Assert.Equal("/src", dockerfile.Publish.WorkingDirectory);
        var command = AppFolder().Replace(dockerfile.Publish.Command, output);
        var start = new ProcessStartInfo("sh") { WorkingDirectory = context, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        // The test host's MSBuild variables would steer the nested build; and no build server may
        // outlive it holding the test run's pipes.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within 15 minutes.");
        }
        var log = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"`{command}` failed ({process.ExitCode}):\n{log[Math.Max(0, log.Length - 4000)..]}");
    }

    private static string GlobalJsonSdk()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "global.json")));
        return json.RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
    }

    [GeneratedRegex(@"@sha256:[0-9a-f]{64}$")]
    private static partial Regex PinnedByDigest();

    [GeneratedRegex(@"(?<=\s)/app(?=[\s/]|$)")]
    private static partial Regex AppFolder();
}
