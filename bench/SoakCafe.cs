using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// One café of the soak, from creation to deletion: its facilitator starts it, opens a new poll
/// every 30 s (closing the last), its participants live their evening; an unwatched café has every
/// screen closed for a while in its middle, long enough for its session to leave the silo's
/// memory, then everyone comes back. At the end the facilitator's snapshot is checked against the
/// ledger, the café is ended and deleted.
/// </summary>
public sealed class SoakCafe
{
    public static readonly string[] Questions =
    [
        "Qui décide de ce que l'IA apprend ?", "Est-ce que l'IA va remplacer mon travail ?", "Comment savoir si une image est vraie ?",
        "Où vont mes données quand je parle à un assistant ?", "L'IA peut-elle se tromper en médecine ?", "Faut-il l'apprendre à l'école ?",
    ];

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(30);
    // A café is unwatched at most once: these complete when its screens must close, and when they may come back.
    private readonly TaskCompletionSource _leaving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _back = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _openPoll;

    public required int Number { get; init; }
    public required Uri Hub { get; init; }
    public required CreatedSession Session { get; init; }
    public SoakLedger Ledger { get; } = new();
    public string? OpenPoll => _openPoll;
    public bool Unwatched => _leaving.Task.IsCompleted && !_back.Task.IsCompleted;

    /// <summary>Completes when the café's screens must close (a participant's pause ends early then).</summary>
    public Task Leaving => _leaving.Task;

    /// <summary>Waits while the café is unwatched.</summary>
    public Task Watched(CancellationToken end) => _back.Task.IsCompleted || !_leaving.Task.IsCompleted ? Task.CompletedTask : _back.Task.WaitAsync(end);

    /// <summary>Runs the café for this long; `unwatchedFor` (if any) in its middle. Returns (lost, doubled).</summary>
    public async Task<(int Lost, int Doubled)> Run(int participants, TimeSpan length, TimeSpan? unwatchedFor, SoakCounters counters)
    {
        var facilitator = await HubClients.Join(Hub, Session.JoinCode, new { key = Session.FacilitatorKey });
        await facilitator.Call("StartSession", new { });
        using var end = new CancellationTokenSource(length);
        var people = Enumerable.Range(0, participants).Select(i => Guarded(new SoakParticipant(this, i).Live(counters, end.Token), counters)).ToList();
        var started = DateTime.UtcNow;
        var unwatchedAt = unwatchedFor is { } away ? started + (length - away) / 2 : DateTime.MaxValue;
        var polls = 0;
        while (!end.IsCancellationRequested)
        {
            if (DateTime.UtcNow >= unwatchedAt)
            {
                facilitator = await Unwatch(facilitator, unwatchedFor!.Value, end.Token);
                unwatchedAt = DateTime.MaxValue;
                continue;
            }
            if (_openPoll is { } previous)
            {
                await facilitator.Call("ClosePoll", new { pollId = previous });
            }
            var poll = (await facilitator.Call("CreatePoll", new { question = $"Sondage {++polls}", kind = "single", options = new[] { "oui", "non", "sans avis" } }))
                .GetProperty("pollId").GetString()!;
            await facilitator.Call("OpenPoll", new { pollId = poll });
            _openPoll = poll;
            var next = DateTime.UtcNow + PollEvery;
            var wake = next < unwatchedAt ? next : unwatchedAt;
            await Pause(wake - DateTime.UtcNow, end.Token);
        }
        await Task.WhenAll(people);
        var (lost, doubled) = Ledger.Check(await facilitator.Call("GetSnapshot"));
        await facilitator.Call("EndSession", new { });
        await facilitator.Call("DeleteSession", new { });
        await facilitator.DisposeAsync();
        return (lost, doubled);
    }

    /// <summary>Every screen of the café closes (participants stay away until told), then the facilitator comes back.</summary>
    private async Task<HubConnection> Unwatch(HubConnection facilitator, TimeSpan away, CancellationToken end)
    {
        _leaving.TrySetResult();
        await facilitator.DisposeAsync();
        await Pause(away, end);
        _back.TrySetResult();
        return await HubClients.Join(Hub, Session.JoinCode, new { key = Session.FacilitatorKey });
    }

    private static async Task Guarded(Task life, SoakCounters counters)
    {
        try
        {
            await life;
        }
        catch (Exception)
        {
            counters.Crashed();
        }
    }

    private static async Task Pause(TimeSpan delay, CancellationToken end)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            await Task.Delay(delay, end);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
