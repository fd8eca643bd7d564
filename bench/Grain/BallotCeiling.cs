using CafeIA.Wire;

namespace CafeIA.Bench.Grain;

/// <summary>
/// The session grain's ceiling: how many durable ballots one session takes per second, with no
/// socket, hub or gateway in the way. N voters join one session; then, poll after poll, every
/// voter votes once, 2,000 calls in flight; a call returns once the group write holding its
/// ballot has committed. The silo is then restarted on the same storage, and every poll's results,
/// reloaded from storage, must count exactly N voters: nothing acknowledged lost, nothing doubled.
/// The figure is the median of the polls' ballots per second (the first poll included: no warm-up
/// beyond the joins).
/// </summary>
public static class BallotCeiling
{
    public static async Task<int> Run(string storageName, int voters, int polls)
    {
        await using var storage = await StorageChoice.Open(storageName);
        var waves = new List<Wave>();
        var pollIds = new List<string>();
        LiveSession session;
        TimeSpan joining;
        await using (var silo = await InProcessSilo.Start(storage))
        {
            session = await LiveSession.Start(silo.Grains, "Plafond");
            joining = await session.Join(voters);
            for (var p = 0; p < polls; p++)
            {
                var poll = await session.OpenPoll($"Question {p + 1}");
                pollIds.Add(poll);
                waves.Add(await session.Vote(poll));
            }
        }
        var counted = new List<int>();
        await using (var restarted = await InProcessSilo.Start(storage))
        {
            var reloaded = new LiveSession { Grain = restarted.Grains.GetGrain<Grains.Abstractions.ISessionGrain>(session.Grain.GetPrimaryKey()), Facilitator = session.Facilitator };
            foreach (var poll in pollIds)
            {
                var results = await reloaded.Results(poll);
                counted.Add(results.Voters == results.Counts.Sum() ? results.Voters : -1);
            }
        }
        var perSecond = waves.Select(w => w.PerSecond).Order().ToList();
        var median = perSecond[perSecond.Count / 2];
        var p99 = waves.Select(w => w.P99).Order().ToList()[waves.Count / 2];
        var p50 = waves.Select(w => w.P50).Order().ToList()[waves.Count / 2];
        var lost = counted.Sum(c => c < 0 ? voters : Math.Max(0, voters - c));
        var doubled = counted.Sum(c => Math.Max(0, c - voters));
        // | storage | voters | ballots | ballots/s (median of polls) | each poll | ack p50 / p99 | joins/s | lost | doubled |
        Console.WriteLine($"| {storage.Name} | {voters:N0} | {voters * polls:N0} | {median:N0} | {string.Join(" / ", perSecond.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} | " +
            $"{p50:F0} / {p99:F0} ms | {voters / joining.TotalSeconds:N0} | {lost} | {doubled} |");
        return lost == 0 && doubled == 0 && counted.All(c => c == voters) ? 0 : 1;
    }
}
