using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Domain.Opinions.Map;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// An opinion map across a national programme (issue 17), on the embedded gateway: --sessions cafés
/// of --per-session voters in three planted groups spread over every café (voter i of café c in
/// group (c + i) mod 3) vote every statement of a pushed opinion, following the `next` the server
/// hands them. Reports how long, after the last vote was acknowledged, until every café's staff
/// received a national map holding every voter; the adjusted Rand index of the voters' national
/// groups against the planted ones; and the national stages' compute time (the programme's part:
/// merging the shards' sums, the national plane, grouping the cafés' clusters), replayed in process
/// on the same votes with the same code the programme opinion grain runs. Exits non-zero when a
/// vote failed, a café never showed the full map, or the index is under 0.9.
/// </summary>
public static class OpinionProgrammeBenchmark
{
    private static readonly string[] Texts =
    [
        "Les données de santé doivent rester publiques", "L'État doit héberger ses propres serveurs", "Les algorithmes publics doivent être ouverts",
        "L'IA fera gagner du temps aux agents", "Les chatbots peuvent accueillir le public", "Les administrations doivent tester l'IA vite",
        "L'IA à l'école doit attendre", "Il faut une pause dans le déploiement", "Les élus doivent voter chaque usage",
        "Il faut en parler ensemble",
    ];

    private static sbyte Planted(int group, int statement) =>
        statement >= 9 || statement / 3 == group ? (sbyte)1 : statement / 3 == (group + 1) % 3 ? (sbyte)-1 : (sbyte)0;

    private static string Vote(sbyte weight) => weight switch { 1 => "agree", -1 => "disagree", _ => "pass" };

    public static async Task<int> Run(BenchOptions options)
    {
        var (cafes, perCafe) = (options.Sessions, options.PerSession);
        var total = cafes * perCafe;
        await using var deployment = await Deployment.Embedded(options);
        var hub = deployment.Hub;
        using var http = new HttpClient();
        var programme = await ProgrammeApi.Create(http, deployment.Gateway.Address, "Journée nationale des avis");

        // Each café: its facilitator watching the national map (the time a full one first arrives after the last vote).
        var shownAt = new ConcurrentDictionary<int, long>();
        long lastVote = long.MaxValue;
        var sessions = new CreatedSession[cafes];
        var facilitators = new HubConnection[cafes];
        foreach (var chunk in Enumerable.Range(0, cafes).Chunk(20))
        {
            await Task.WhenAll(chunk.Select(async c =>
            {
                sessions[c] = await deployment.CreateSession(http, $"Café IA n°{c + 1}");
                var facilitator = HubClients.Build(hub);
                facilitator.On<JsonElement>("changes", batch =>
                {
                    foreach (var change in batch.GetProperty("events").EnumerateArray())
                    {
                        if (change.GetProperty("type").GetString() == "opinionNational"
                            && change.GetProperty("national").GetProperty("people").GetInt32() == total
                            && Stopwatch.GetTimestamp() > Volatile.Read(ref lastVote))
                        {
                            shownAt.TryAdd(c, Stopwatch.GetTimestamp());
                        }
                    }
                });
                await facilitator.StartAsync();
                await facilitator.Call("JoinSession", sessions[c].JoinCode, new { key = sessions[c].FacilitatorKey });
                await facilitator.Call("StartSession", new { });
                await facilitator.Call("JoinProgramme", new { programmeId = programme.ProgrammeId, inviteKey = programme.InviteKey });
                facilitators[c] = facilitator;
            }));
        }
        var (voters, joins) = await HubClients.JoinMany(total, _ => hub, (client, i) =>
            client.Call("JoinSession", sessions[i / perCafe].JoinCode, new { displayName = $"V{i}", mode = i % 2 == 0 ? "onsite" : "remote" }));
        if (joins.Any(double.IsNaN))
        {
            Console.Error.WriteLine($"{joins.Count(double.IsNaN)} joins failed.");
            return 1;
        }

        using var push = new HttpRequestMessage(HttpMethod.Post, new Uri(deployment.Gateway.Address, $"/api/programmes/{programme.ProgrammeId}/opinions"))
        {
            Content = JsonContent.Create(new { topic = "L'IA dans le service public", statements = Texts }),
        };
        push.Headers.Authorization = new AuthenticationHeaderValue("Bearer", programme.OrganiserKey);
        var pushed = await (await http.SendAsync(push)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var programmeOpinionId = pushed.GetProperty("programmeOpinionId").GetString()!;

        // Every voter votes every statement it is handed, 500 voters at a time.
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in Enumerable.Range(0, total).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(async i =>
            {
                try
                {
                    var opinion = Opinion(await voters[i].Call("GetSnapshot"), programmeOpinionId);
                    var index = opinion.GetProperty("statements").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => Array.IndexOf(Texts, s.GetProperty("text").GetString()));
                    var (id, group) = (opinion.GetProperty("id").GetString()!, (i / perCafe + i % perCafe) % 3);
                    // JSON omits nulls: no `next` means nothing left to vote on.
                    var next = opinion.TryGetProperty("next", out var first) ? first.GetString() : null;
                    while (next is not null)
                    {
                        var voted = await voters[i].Call("VoteStatement", new { opinionId = id, statementId = next, vote = Vote(Planted(group, index[next])), opId = $"{next}-{i}" });
                        next = voted.TryGetProperty("next", out var given) ? given.GetString() : null;
                    }
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref failed) == 1)
                    {
                        Console.Error.WriteLine($"voter {i}: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }));
        }
        Volatile.Write(ref lastVote, Stopwatch.GetTimestamp());
        var votePhase = Stopwatch.GetElapsedTime(started);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (shownAt.Count < cafes && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
        var everyCafe = shownAt.Count == cafes ? TimeSpan.FromTicks((shownAt.Values.Max() - lastVote) * TimeSpan.TicksPerSecond / Stopwatch.Frequency) : (TimeSpan?)null;

        // The voters' national groups against the planted ones, once every café shows the full map.
        var planted = new int[total];
        var found = new int[total];
        foreach (var chunk in Enumerable.Range(0, total).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(async i =>
            {
                planted[i] = (i / perCafe + i % perCafe) % 3;
                var opinion = Opinion(await voters[i].Call("GetSnapshot"), programmeOpinionId);
                found[i] = opinion.TryGetProperty("nationalGroup", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt32() : -1;
            }));
        }
        var ari = AdjustedRandIndex(planted, found);
        var (plane, grouping) = Replay(cafes, perCafe);
        await HubClients.DisposeAll([.. voters, .. facilitators]);

        // | cafés × voters | votes | vote phase | national plane p50 (in process) | grouping p50 (in process) | last vote → every café shows the full map | ARI | failed |
        Console.WriteLine($"| {cafes} × {perCafe} | {total * Texts.Length:N0} | {votePhase.TotalSeconds:F1} s | {plane:F1} ms | {grouping:F1} ms | "
            + $"{(everyCafe is { } t ? $"{t.TotalSeconds:F1} s" : $"{shownAt.Count} of {cafes} cafés")} | {ari:F3} | {failed} |");
        return failed == 0 && everyCafe is not null && ari >= 0.9 ? 0 : 1;
    }

    private static JsonElement Opinion(JsonElement snapshot, string programmeOpinionId) =>
        snapshot.GetProperty("opinions").EnumerateArray().Single(o => o.TryGetProperty("nationalOpinionId", out var n) && n.GetString() == programmeOpinionId);

    /// <summary>The programme's stages on the same votes, in process: p50 of merging the sums and deriving the plane, and of grouping the clusters (11 runs).</summary>
    private static (double Plane, double Grouping) Replay(int cafes, int perCafe)
    {
        var ids = Enumerable.Range(1, Texts.Length).Select(i => $"n{i}").ToArray();
        var matrices = Enumerable.Range(0, cafes).Select(c =>
        {
            var m = new VoteMatrix(ids);
            for (var i = 0; i < perCafe; i++)
            {
                for (var s = 0; s < ids.Length; s++)
                {
                    m.Set($"{c}-{i}", ids[s], Planted((c + i) % 3, s));
                }
            }
            return m;
        }).ToArray();
        var sums = matrices.Select(m => OpinionAggregate.From(m, ids)).ToArray();
        var (plane, grouping) = (new List<double>(), new List<double>());
        NationalComponents? components = null;
        for (var run = 0; run < 11; run++)
        {
            var t = Stopwatch.GetTimestamp();
            // 16 shards' sums, then the programme's.
            var merged = sums.Chunk(Math.Max(1, cafes / 16)).Select(s => s.Aggregate((a, b) => a.Merge(b))).Aggregate((a, b) => a.Merge(b));
            components = NationalComponents.FromAggregate(merged, components);
            plane.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            var clusters = matrices.Select((m, c) => CafeClusters.Reduce($"c{c}", m, components, p => p.EndsWith('0')).Clusters).ToArray();
            t = Stopwatch.GetTimestamp();
            NationalMapper.Compute(components, clusters, null);
            grouping.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return (plane.Order().ElementAt(5), grouping.Order().ElementAt(5));
    }

    private static double AdjustedRandIndex(int[] a, int[] b)
    {
        var table = new Dictionary<(int, int), long>();
        var (rows, columns) = (new Dictionary<int, long>(), new Dictionary<int, long>());
        for (var i = 0; i < a.Length; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var (sumRows, sumColumns) = (rows.Values.Sum(Pairs), columns.Values.Sum(Pairs));
        var expected = sumRows * sumColumns / Pairs(a.Length);
        var max = (sumRows + sumColumns) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }
}
