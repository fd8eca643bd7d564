using System.Collections.Concurrent;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Integration.Tests.Cluster;

/// <summary>
/// What a room keeps doing while the cluster is in trouble: every participant asks (each text
/// once) and votes (always the same option), and newcomers keep joining. It records what was
/// acknowledged and how every failed call was answered.
/// </summary>
internal sealed class OutageTraffic(IReadOnlyList<CafeClient> participants, string poll, Uri[] gateways, string joinCode, int options)
{
    /// <summary>How an `unavailable` refusal is recorded in <see cref="Failures"/>: its code, then its sentence.</summary>
    public const string UnavailableMarker = "unavailable: ";

    private readonly CancellationTokenSource _stop = new();
    private int _acks;

    public ConcurrentBag<string> Asked { get; } = [];
    public ConcurrentBag<string> Acked { get; } = [];
    public ConcurrentDictionary<int, int> Ballots { get; } = [];

    /// <summary>Newcomers whose join was acknowledged: their resume tokens.</summary>
    public ConcurrentBag<string> Joined { get; } = [];

    /// <summary>How each failed call or join was answered (the client's message).</summary>
    public ConcurrentQueue<string> Failures { get; } = [];

    public int Refusals => Failures.Count(f => f.StartsWith(UnavailableMarker, StringComparison.Ordinal));

    /// <summary>Acknowledged commands and joins so far.</summary>
    public int Acks => Volatile.Read(ref _acks);

    public void Stop() => _stop.Cancel();

    public Task Run() => Task.WhenAll([.. participants.Select((client, i) => Task.Run(() => Participate(client, i))), Task.Run(Newcomers)]);

    private async Task Participate(CafeClient client, int i)
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            await Attempt(async () =>
            {
                if (n % 2 == 0)
                {
                    var text = $"P{i} n°{n}";
                    Asked.Add(text);
                    await client.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest(text));
                    Acked.Add(text);
                }
                else
                {
                    // Always the same answer: a retry can never count twice.
                    await client.Invoke("Vote", new VoteRequest(poll, [i % options]));
                    Ballots[i] = i % options;
                }
            });
            await Pause(150);
        }
    }

    private async Task Newcomers()
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            await using var client = await CafeClient.Connect(gateways[n % gateways.Length]);
            await Attempt(async () =>
            {
                // Through the tests' call layer: a refused join completes with a "refused" result, not an error.
                var joined = await client.Hub.Call<JoinResult>("JoinSession", joinCode, new JoinOptions($"Nouveau {n}"));
                Joined.Add(joined.ResumeToken);
            });
            await Pause(400);
        }
    }

    private async Task Attempt(Func<Task> call)
    {
        try
        {
            await call();
            Interlocked.Increment(ref _acks);
        }
        catch (Exception ex)
        {
            // A refusal is recorded as "code: sentence"; anything else (SignalR's "unexpected error", a
            // broken connection) as itself, which fails the test that reads it.
            Failures.Enqueue(ex is CallRefusedException refused ? $"{refused.Code}: {refused.Sentence}" : ex.ToString());
        }
    }

    private async Task Pause(int milliseconds)
    {
        try
        {
            await Task.Delay(milliseconds, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
