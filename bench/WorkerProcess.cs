using System.Diagnostics;

namespace CafeIA.Bench;

/// <summary>
/// A load generator in its own process (`dotnet CafeIA.Bench.dll mode args`), driven line by line:
/// the orchestrator writes to its stdin and reads tagged lines from its stdout; its stderr is
/// passed on, prefixed with its name. Disposing it kills it (and its children) if it still runs.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process, string name) => (_process, Name) = (process, name);

    public string Name { get; }

    public static WorkerProcess Start(string name, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CafeIA.Bench.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginErrorReadLine();
        return new WorkerProcess(process, name);
    }

    /// <summary>Reads its stdout until the line with this tag and returns what follows the tag; throws if it exits first.</summary>
    public async Task<string> Expect(string tag)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return line[(tag.Length + 1)..];
            }
            Console.Error.WriteLine($"[{Name}] {line}");
        }
        await _process.WaitForExitAsync();
        throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before {tag}.");
    }

    public async Task Send(string tag, string payload)
    {
        await _process.StandardInput.WriteLineAsync($"{tag} {payload}");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for it to end by itself and gives its exit code; null if it still runs after the timeout.</summary>
    public async Task<int?> Exit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every worker's line with this tag, read at the same time; a worker that ends before it ends the run at once.</summary>
    public static async Task<T[]> Each<T>(IReadOnlyList<WorkerProcess> workers, string tag)
    {
        var lines = workers.Select(w => w.Expect(tag)).ToList();
        for (var pending = lines.ToList(); pending.Count > 0;)
        {
            var first = await Task.WhenAny(pending);
            await first;
            pending.Remove(first);
        }
        return [.. lines.Select(l => ProgrammeMessages.Parse<T>(l.Result))];
    }

    public ValueTask DisposeAsync() => ChildProcess.Stop(_process);
}
