using System.Threading.Channels;

namespace CafeIA.Bench;

/// <summary>A worker process's side of <see cref="WorkerProcess"/>: the orchestrator's orders, one line each on stdin.</summary>
public static class OrchestratorOrders
{
    /// <summary>
    /// The orchestrator's lines, read from stdin from the start: when stdin closes (the orchestrator
    /// ended, whichever way), the worker ends too, its connections with it.
    /// </summary>
    public static Channel<string> Listen()
    {
        var orders = Channel.CreateUnbounded<string>();
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line)
            {
                await orders.Writer.WriteAsync(line);
            }
            await Console.Error.WriteLineAsync("The orchestrator closed stdin: stopping.");
            Environment.Exit(3);
        });
        return orders;
    }

    /// <summary>Waits for the orchestrator's line with this tag; returns what follows the tag.</summary>
    public static async Task<string> Next(ChannelReader<string> orders, string tag)
    {
        while (true)
        {
            var line = await orders.ReadAsync();
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return line[(tag.Length + 1)..].Trim();
            }
        }
    }
}
