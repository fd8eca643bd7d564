using System.Diagnostics;
using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Storage;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CafeIA.Bench.Grain;

/// <summary>
/// Cold start: a session with P participants, B ballots and Q questions is written, the silo is
/// stopped, and a new silo on the same storage answers its first command (the facilitator's
/// snapshot), which loads the whole session. Another small session is reloaded first, so that
/// the figure is the big session's own load, not the new process's first JIT. The breakdown is
/// then measured on its own in the new silo, three times (median): read (the session's row and
/// its participant and ballot rows), deserialise (the document and the rows into the state), tally
/// (the domain object built on it, presence reset, and the snapshot with every poll's results).
/// </summary>
public static class ColdStart
{
    public static async Task<int> Run(string storageName, int participants, int ballots, int questions)
    {
        await using var storage = await StorageChoice.Open(storageName);
        LiveSession big, small;
        string poll;
        await using (var silo = await InProcessSilo.Start(storage))
        {
            small = await LiveSession.Start(silo.Grains, "Petit café");
            await small.Join(3);
            big = await LiveSession.Start(silo.Grains, "Grand café");
            await big.Join(participants);
            poll = await big.OpenPoll("Faut-il encadrer l'IA ?");
            var voters = big.Voters.Take(ballots).ToList();
            await LiveSession.Drive(voters.Count, i => big.Grain.Vote(voters[i], new VoteRequest(poll, [i % 3])));
            await LiveSession.Drive(Math.Min(questions, big.Voters.Count), i =>
                big.Grain.Ask(big.Voters[i], new AskQuestionRequest($"Question {i} : que devient le métier numéro {i} avec l'IA ?")));
        }

        await using var restarted = await InProcessSilo.Start(storage);
        LiveSession.Ok(await restarted.Grains.GetGrain<ISessionGrain>(small.Grain.GetPrimaryKey()).GetSnapshot(small.Facilitator));
        var reloaded = restarted.Grains.GetGrain<ISessionGrain>(big.Grain.GetPrimaryKey());
        var started = Stopwatch.GetTimestamp();
        var snapshot = LiveSession.Ok(await reloaded.GetSnapshot(big.Facilitator));
        var firstCommand = Stopwatch.GetElapsedTime(started);

        var (read, deserialise, tally) = await Breakdown(restarted.Services, big.Grain.GetPrimaryKey(), big.Facilitator);
        var results = snapshot.Polls.Single(p => p.Id == poll).Results!;
        var exact = results.Voters == Math.Min(ballots, participants) && snapshot.Questions.Length == Math.Min(questions, participants);
        // | storage | participants | ballots | questions | first command | read | deserialise | tally | exact |
        Console.WriteLine($"| {storage.Name} | {participants:N0} | {ballots:N0} | {questions:N0} | {firstCommand.TotalMilliseconds:F0} ms | " +
            $"{read:F0} ms | {deserialise:F0} ms | {tally:F0} ms | {(exact ? "yes" : "NO")} |");
        return exact ? 0 : 1;
    }

    private static async Task<(double Read, double Deserialise, double Tally)> Breakdown(IServiceProvider services, Guid sessionId, string facilitator)
    {
        var store = services.GetRequiredService<SessionStore>();
        var limits = services.GetRequiredService<IOptions<SessionLimits>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var runs = new List<(double, double, double)>();
        for (var run = 0; run < 3; run++)
        {
            var at = Stopwatch.GetTimestamp();
            var stored = await store.Load(sessionId) ?? throw new InvalidOperationException("The session was not stored.");
            var read = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            at = Stopwatch.GetTimestamp();
            var state = SessionDocument.Read(stored);
            var deserialise = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            at = Stopwatch.GetTimestamp();
            var session = new Session(state, limits, clock);
            session.ResetPresence();
            LiveSession.Ok(session.Snapshot(facilitator));
            runs.Add((read, deserialise, Stopwatch.GetElapsedTime(at).TotalMilliseconds));
        }
        return (Median(runs.Select(r => r.Item1)), Median(runs.Select(r => r.Item2)), Median(runs.Select(r => r.Item3)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
