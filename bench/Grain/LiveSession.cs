using System.Diagnostics;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Bench.Grain;

/// <summary>A live session driven through its grain: its facilitator, its voters, its polls.</summary>
public sealed class LiveSession
{
    /// <summary>Calls in flight at once: as many as a few thousand phones acting within the same instant.</summary>
    public const int Concurrency = 2000;

    public required ISessionGrain Grain { get; init; }
    public required string Facilitator { get; init; }
    public List<string> Voters { get; } = [];

    public static async Task<LiveSession> Start(IGrainFactory grains, string title)
    {
        var grain = grains.GetGrain<ISessionGrain>(Guid.NewGuid());
        var created = Ok(await grain.Create(title));
        var facilitator = Ok(await grain.Join(new JoinOptions(Key: created.FacilitatorKey))).ParticipantId;
        Ok(await grain.SetPhase(facilitator, SessionPhase.Live));
        return new LiveSession { Grain = grain, Facilitator = facilitator };
    }

    /// <summary>Joins this many voters, half on site; the wall time of the whole wave.</summary>
    public async Task<TimeSpan> Join(int count)
    {
        var ids = new string[count];
        var wave = await Drive(count, async i =>
            ids[i] = Ok(await Grain.Join(new JoinOptions($"P{i}", i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote))).ParticipantId);
        Voters.AddRange(ids);
        return wave.Duration;
    }

    public async Task<string> OpenPoll(string question)
    {
        var poll = Ok(await Grain.CreatePoll(Facilitator, new CreatePollRequest(question, PollKind.Single, ["Oui", "Non", "Je ne sais pas"]))).PollId;
        Ok(await Grain.OpenPoll(Facilitator, poll));
        return poll;
    }

    /// <summary>Every voter votes once; each call returns once its ballot is durable (group commit).</summary>
    public Task<Wave> Vote(string poll) =>
        Drive(Voters.Count, async i => Ok(await Grain.Vote(Voters[i], new VoteRequest(poll, [i % 3]))));

    public async Task<PollResults> Results(string poll) =>
        Ok(await Grain.GetSnapshot(Facilitator)).Polls.Single(p => p.Id == poll).Results
        ?? throw new InvalidOperationException("The facilitator's snapshot has no results.");

    /// <summary>Runs count calls, at most <see cref="Concurrency"/> at once; each call's latency and the wave's duration.</summary>
    public static async Task<Wave> Drive(int count, Func<int, Task> call)
    {
        var latencies = new double[count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(Concurrency, count)).Select(async _ =>
        {
            await Task.Yield();
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var at = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            }
        }));
        return new Wave(Stopwatch.GetElapsedTime(started), [.. latencies.Order()]);
    }

    public static T Ok<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? throw new InvalidOperationException($"Refused: {refusal}") : outcome.Value!;
}

public sealed record Wave(TimeSpan Duration, List<double> Latencies)
{
    public double PerSecond => Latencies.Count / Duration.TotalSeconds;
    public double P50 => Stats.Percentile(Latencies, 0.5);
    public double P99 => Stats.Percentile(Latencies, 0.99);
}
