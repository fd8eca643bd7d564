using System.Diagnostics;
using System.Text;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A Silo or Gateway running as its own OS process (`dotnet CafeIA.X.dll …`), from the build
/// output of its project in the same configuration as the tests. Kill() is a SIGKILL.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public string Name { get; }
    public Uri HttpAddress { get; }
    public bool HasExited => _process.HasExited;

    private ServiceProcess(string name, Process process, Uri httpAddress)
    {
        (Name, _process, HttpAddress) = (name, process, httpAddress);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the project's built dll with these arguments and waits until /health/ready answers 200.</summary>
    public static async Task<ServiceProcess> Start(string name, string project, string assembly, params string[] args)
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = OutputDirectory(project),
        };
        start.ArgumentList.Add(Path.Combine(OutputDirectory(project), assembly));
        foreach (var arg in args.Append($"--urls=http://127.0.0.1:{port}"))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        var service = new ServiceProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await service.WaitReady();
        }
        catch
        {
            // Nobody holds it yet: left running, it would outlive the test and load every test after it.
            service.Kill();
            throw;
        }
        return service;
    }

    /// <summary>
    /// Starts a command (an image's entry point) in a folder with exactly this environment added,
    /// serving HTTP at the given address, and waits until /health/ready answers 200.
    /// </summary>
    public static async Task<ServiceProcess> StartCommand(string name, IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment, Uri httpAddress)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var service = new ServiceProcess(name, Process.Start(start)!, httpAddress);
        try
        {
            await service.WaitReady();
        }
        catch
        {
            service.Kill();
            throw;
        }
        return service;
    }

    /// <summary>Runs `dotnet CafeIA.Silo.dll migrate …` to completion.</summary>
    public static async Task Migrate(params string[] args)
    {
        var (exitCode, output) = await Command("Silo", "CafeIA.Silo.dll", ["migrate", .. args]);
        Assert.True(exitCode == 0, $"migrate failed: {output}");
    }

    /// <summary>Runs a project's built dll as a command (e.g. `backup --to FILE`) to completion: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> Command(string project, string assembly, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(OutputDirectory(project), assembly));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public async Task WaitReady(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Get(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}):\n{Output}");
            }
            try
            {
                return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, ready => ready, $"{Name} ready", timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            // Keep the tail: enough to explain a failure without holding a whole run.
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }
            _output.AppendLine(line);
        }
    }

    /// <summary>Silo/bin/{Configuration}/net10.0 next to the tests' own bin/{Configuration}/net10.0.</summary>
    private static string OutputDirectory(string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var directory = Path.Combine(Repository.Root, project, "bin", configuration, framework);
        return Directory.Exists(directory) ? directory : throw new DirectoryNotFoundException($"{project} is not built: {directory}");
    }
}
