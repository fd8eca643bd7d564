using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Cluster;

/// <summary>
/// The cluster deployment as separate processes on loopback: PostgreSQL, two silos, two gateways.
/// Participants spread over both gateways; silos and gateways are killed with SIGKILL.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly string[] Options = ["oui", "non", "peut-être"];

    [Fact]
    public async Task Participants_on_two_gateways_see_the_same_changes_in_the_same_order_within_a_second()
    {
        await using var cluster = await LocalCluster.Start(postgres);
        await using var session = await Session.Start(cluster.Gateways.Select(g => g.HttpAddress).ToArray(), participants: 6);
        var poll = await session.OpenPoll();

        for (var i = 0; i < 30; i++)
        {
            var asker = session.Participants[i % 6];
            var question = await asker.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest($"Question {i}"));
            await session.Participants[(i + 1) % 6].Invoke("Upvote", new QuestionRef(question.QuestionId));
            await session.Participants[(i + 2) % 6].Invoke("Vote", new VoteRequest(poll, [i % 3]));
        }

        var server = await session.Participants[0].Snapshot();
        foreach (var client in session.Participants)
        {
            await client.WaitForState(s => s.Seq == server.Seq, "the last change");
        }
        // Every seq covered once, in order, no gap, on both gateways (a gateway may merge
        // consecutive batches into one covering From..Seq); the same final state everywhere.
        var firstSeq = session.Participants.Max(c => c.Joined.Snapshot.Seq) + 1;
        foreach (var client in session.Participants)
        {
            var covered = client.Arrivals.Where(a => a.Seq >= firstSeq)
                .SelectMany(a => Enumerable.Range((int)Math.Max(a.From, firstSeq), (int)(a.Seq - Math.Max(a.From, firstSeq) + 1)).Select(x => (long)x));
            Assert.Equal(Enumerable.Range((int)firstSeq, (int)(server.Seq - firstSeq + 1)).Select(x => (long)x), covered);
        }
        Assert.All(session.Participants, c => Assert.Equal(ClientState.Digest(server), c.State.Digest()));
        var spreads = Enumerable.Range((int)firstSeq, (int)(server.Seq - firstSeq + 1)).Select(seq =>
        {
            var times = session.Participants.Select(c => c.Arrivals.First(a => a.From <= seq && seq <= a.Seq).At).ToList();
            return (times.Max() - times.Min()).TotalMilliseconds;
        }).ToList();
        output.WriteLine($"{spreads.Count} changes; spread between the first and last screen: max {spreads.Max():F0} ms, median {spreads.Order().ElementAt(spreads.Count / 2):F0} ms");
        Assert.True(spreads.Max() < 1000, $"a change reached screens {spreads.Max():F0} ms apart");
    }

    [Fact]
    public async Task Killing_the_silo_that_holds_the_session_loses_no_acknowledged_question_or_ballot()
    {
        await using var cluster = await LocalCluster.Start(postgres);
        await using var session = await Session.Start(cluster.Gateways.Select(g => g.HttpAddress).ToArray(), participants: 6);
        var poll = await session.OpenPoll();
        await using var orleans = await GatewayHost.Start([.. cluster.CommonArgs, "--Gateway:Mode=Client"]);
        var host = await orleans.Services.GetRequiredService<IClusterClient>().GetGrain<ISessionGrain>(session.SessionId).GetHost();
        var victim = cluster.SiloAt(host);

        var activity = new Activity(session, poll);
        var running = activity.Run();
        await activity.WaitForAcks(20);

        // Newcomers keep joining across the kill, on both gateways.
        var newcomers = new OutageTraffic([], poll, [.. cluster.Gateways.Select(g => g.HttpAddress)], session.JoinCode, Options.Length);
        var joining = newcomers.Run();
        var killedAt = Stopwatch.GetTimestamp();
        activity.MarkKill();
        victim.Kill();
        await activity.WaitForAcksAfterKill(20, TimeSpan.FromSeconds(60));
        await Eventually.Get(() => Task.FromResult(newcomers.Joined.Count), n => n >= 3, "newcomers joined after the kill", TimeSpan.FromSeconds(60));
        activity.Stop();
        newcomers.Stop();
        await running;
        await joining;
        // A call or a join caught by the kill is refused `unavailable` (retryable), never an unexpected error.
        Assert.All(activity.Failures.Concat(newcomers.Failures), f => Assert.StartsWith(OutageTraffic.UnavailableMarker, f, StringComparison.Ordinal));
        output.WriteLine($"{activity.Failures.Count} calls and {newcomers.Failures.Count} joins refused unavailable during the kill; {newcomers.Joined.Count} newcomers joined.");
        var recovery = Stopwatch.GetElapsedTime(killedAt, activity.FirstAckAfterKill!.Value);
        output.WriteLine($"Killed {victim.Name} (host of the session): recovery time {recovery.TotalSeconds:F1} s to the first acknowledged command; {activity.Acked.Count} questions and {activity.Ballots.Count} voters acknowledged in all.");
        Console.WriteLine($"[cluster] silo kill recovery time: {recovery.TotalSeconds:F1} s");

        var server = await session.Participants[0].Snapshot();
        // By text, each unique: after lost state a reloaded session would hand out the same ids again.
        foreach (var text in activity.Acked)
        {
            Assert.Single(server.Questions, q => q.Text == text);
        }
        // Nothing but what was asked, once each (a question whose answer was lost in the kill may be there unacknowledged).
        Assert.All(server.Questions, q => Assert.Contains(q.Text, activity.Asked));
        Assert.Equal(server.Questions.Length, server.Questions.Select(q => q.Text).Distinct().Count());
        // Every participant's ballot was acknowledged, and each is counted exactly once.
        Assert.Equal(session.Participants.Count, activity.Ballots.Count);
        var results = server.Polls.Single(p => p.Id == poll).Results!;
        foreach (var option in Enumerable.Range(0, Options.Length))
        {
            Assert.Equal(activity.Ballots.Count(b => b.Value == option), results.Counts[option]);
        }
        Assert.Equal(activity.Ballots.Count, results.Voters);
        // Connected screens converge without reloading (resync after the session moved).
        foreach (var client in session.Participants)
        {
            await client.WaitForState(s => s.Digest() == ClientState.Digest(server), "the server's state", TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task Killing_a_gateway_moves_its_clients_to_the_other_one_as_the_same_participants()
    {
        await using var cluster = await LocalCluster.Start(postgres);
        await using var balancer = new TcpLoadBalancer([.. cluster.Gateways.Select(g => g.HttpAddress)]);
        await using var session = await Session.Start([balancer.Address], participants: 6, resilient: true);
        var poll = await session.OpenPoll();
        var identities = session.Participants.Select(c => c.ParticipantId).ToList();
        for (var i = 0; i < 6; i++)
        {
            await session.Participants[i].Invoke("Vote", new VoteRequest(poll, [i % 3]));
        }

        cluster.Gateways[1].Kill();
        await Eventually.Get(() => Task.FromResult(session.Participants.Sum(c => c.Rejoins)), n => n >= 1, "a client to rejoin", TimeSpan.FromSeconds(30));
        await Eventually.Get(() => Task.FromResult(session.Participants.All(c => c.Hub.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected)), ok => ok, "every client connected", TimeSpan.FromSeconds(30));

        for (var i = 0; i < 6; i++)
        {
            var asked = await session.Participants[i].Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest($"Après la panne {i}"));
            await session.Participants[(i + 1) % 6].Invoke("Upvote", new QuestionRef(asked.QuestionId));
        }
        var server = await session.Participants[0].Snapshot();
        Assert.Equal(identities, session.Participants.Select(c => c.ParticipantId));
        Assert.Equal(6, server.Polls.Single(p => p.Id == poll).Results!.Voters);
        foreach (var client in session.Participants)
        {
            await client.WaitForState(s => s.Digest() == ClientState.Digest(server), "the server's state");
        }
        output.WriteLine($"{session.Participants.Count(c => c.Rejoins > 0)} of {session.Participants.Count} participants moved to the surviving gateway as the same participants; every screen agrees with the server.");
    }

    /// <summary>A live session: a facilitator and participants spread over the given gateway addresses.</summary>
    private sealed class Session : IAsyncDisposable
    {
        public CafeClient Facilitator { get; private init; } = null!;
        public List<CafeClient> Participants { get; } = [];
        public Guid SessionId { get; private init; }
        public string JoinCode { get; private init; } = "";

        /// <summary>
        /// Creates the session as a page does: a just-started cluster may answer `503 unavailable`
        /// (with Retry-After) while its silos settle, and the client retries; any other failure fails.
        /// </summary>
        private static async Task<SessionCreated> CreateWhenAvailable(Uri gateway)
        {
            using var http = new HttpClient { BaseAddress = gateway };
            var response = await Eventually.Get(() => http.PostAsJsonAsync("/api/sessions", new { title = "Café IA national" }),
                r => r.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable, "a session created on the new cluster", TimeSpan.FromSeconds(60));
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<SessionCreated>())!;
        }

        public static async Task<Session> Start(Uri[] gateways, int participants, bool resilient = false)
        {
            var created = await CreateWhenAvailable(gateways[0]);
            var session = new Session
            {
                SessionId = Guid.Parse(created.SessionId),
                JoinCode = created.JoinCode,
                Facilitator = await CafeClient.Join(gateways[0], created.JoinCode, new JoinOptions(Key: created.FacilitatorKey), resilient),
            };
            await session.Facilitator.Invoke("StartSession");
            for (var i = 0; i < participants; i++)
            {
                var mode = i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote;
                session.Participants.Add(await CafeClient.Join(gateways[i % gateways.Length], created.JoinCode, new JoinOptions($"P{i}", mode), resilient));
            }
            return session;
        }

        public async Task<string> OpenPoll()
        {
            var poll = (await Facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, Options))).PollId;
            await Facilitator.Invoke("OpenPoll", new PollRef(poll));
            return poll;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in Participants.Append(Facilitator))
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Steady questions and ballots from every participant, recording what was acknowledged.</summary>
    private sealed class Activity(Session session, string poll)
    {
        private readonly CancellationTokenSource _stop = new();
        private long _killMark;
        private int _acksAfterKill;

        /// <summary>The texts of the questions acknowledged (each text is asked once).</summary>
        public ConcurrentBag<string> Acked { get; } = [];

        /// <summary>The texts of every question asked, acknowledged or not.</summary>
        public ConcurrentBag<string> Asked { get; } = [];
        public ConcurrentDictionary<int, int> Ballots { get; } = [];

        /// <summary>How each failed call was answered.</summary>
        public ConcurrentQueue<string> Failures { get; } = [];
        public long? FirstAckAfterKill { get; private set; }

        public void MarkKill() => Interlocked.Exchange(ref _killMark, 1);

        public void Stop() => _stop.Cancel();

        public Task Run() => Task.WhenAll(session.Participants.Select((client, i) => Task.Run(async () =>
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                try
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
                        // Each participant always gives the same answer: a retry can never count twice.
                        await client.Invoke("Vote", new VoteRequest(poll, [i % Options.Length]));
                        Ballots[i] = i % Options.Length;
                    }
                    if (Interlocked.Read(ref _killMark) == 1)
                    {
                        FirstAckAfterKill ??= Stopwatch.GetTimestamp();
                        Interlocked.Increment(ref _acksAfterKill);
                    }
                }
                catch (Exception ex)
                {
                    // The session is unreachable while the cluster notices the dead silo: try again.
                    Failures.Enqueue(ex.Message);
                }
                await Task.Delay(100);
            }
        })));

        public Task WaitForAcks(int count) =>
            Eventually.Get(() => Task.FromResult(Acked.Count + Ballots.Count), n => n >= count, "acknowledged commands");

        public Task WaitForAcksAfterKill(int count, TimeSpan timeout) =>
            Eventually.Get(() => Task.FromResult(Volatile.Read(ref _acksAfterKill)), n => n >= count, "acknowledged commands after the kill", timeout);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    // Multi-process clusters use both cores: never run two at once, nor beside other heavy tests.
    public const string Name = "cluster processes";
}
