using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// The projector screen following one count (a poll's voters, a question's votes): it joins with
/// the projector key and records when each value of the count first arrived in a "changes" batch.
/// </summary>
public sealed class ProjectorWatch : IAsyncDisposable
{
    private readonly HubConnection _client;
    private readonly ConcurrentDictionary<int, long> _firstSeen = new();

    private ProjectorWatch(HubConnection client) => _client = client;

    /// <param name="count">The count an event carries, or null when the event is about something else.</param>
    public static async Task<ProjectorWatch> Join(Uri hub, CreatedSession session, Func<JsonElement, int?> count)
    {
        var client = HubClients.Build(hub);
        var watch = new ProjectorWatch(client);
        client.On<JsonElement>(ScreenEvents.Changes, batch =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var e in batch.GetProperty("events").EnumerateArray())
            {
                if (count(e) is { } value)
                {
                    watch._firstSeen.TryAdd(value, now);
                }
            }
        });
        await client.StartAsync();
        await client.Call("JoinSession", session.JoinCode, new { key = session.ProjectorKey });
        return watch;
    }

    /// <summary>When the screen first showed this value (a Stopwatch timestamp), waiting up to the timeout for it.</summary>
    public async Task<long?> FirstShown(int value, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_firstSeen.ContainsKey(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        return _firstSeen.TryGetValue(value, out var at) ? at : null;
    }

    /// <summary>"N ms" from the last acknowledgement to the screen showing the exact count, or "never".</summary>
    public async Task<string> LagAfter(long lastAck, int exact) =>
        lastAck == 0 ? "n/a (nothing acknowledged)"
        : await FirstShown(exact, TimeSpan.FromSeconds(30)) is { } at ? $"{Stopwatch.GetElapsedTime(lastAck, at).TotalMilliseconds:F0} ms"
        : "never";

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
