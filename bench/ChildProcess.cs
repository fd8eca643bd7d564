using System.Diagnostics;

namespace CafeIA.Bench;

/// <summary>What the bench does with a process it started, when done with it.</summary>
internal static class ChildProcess
{
    /// <summary>Kills it and its children if it still runs, waits for the end, releases it.</summary>
    public static ValueTask Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
