using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// 200 participants behind a flaky network (a TCP proxy of the test's own that cuts random
/// connections) during a vote storm and a flow of questions: afterwards every screen shows the
/// server's state, and every acknowledged ballot and question counts exactly once.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Participants = 200;
    private static readonly string[] Options = ["oui", "non", "sans avis"];

    [Fact]
    public async Task Every_screen_converges_and_every_acknowledged_call_counts_once_despite_dropped_connections()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path);
        await using var proxy = new TcpLoadBalancer([host.BaseAddress]);
        var created = await CafeClient.CreateSession(host.BaseAddress, "Café IA sur réseau fragile");
        await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, Options))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));

        var clients = new List<CafeClient>();
        foreach (var batch in Enumerable.Range(0, Participants).Chunk(20))
        {
            clients.AddRange(await Task.WhenAll(batch.Select(i =>
                CafeClient.Join(proxy.Address, created.JoinCode, new JoinOptions($"P{i}", i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote), resilient: true))));
        }

        using var stopChaos = new CancellationTokenSource();
        var chaos = Task.Run(async () =>
        {
            var random = new Random(42);
            while (!stopChaos.IsCancellationRequested)
            {
                proxy.DropRandom(0.05, random);
                await Task.Delay(150);
            }
        });
        var storm = clients.Select((client, i) => Task.Run(async () =>
        {
            await client.InvokeUntilAcknowledged<object>("Vote", new VoteRequest(poll, [i % Options.Length], OpId: $"vote-{i}"), TimeSpan.FromSeconds(60));
            var asked = await client.InvokeUntilAcknowledged<QuestionCreated>("AskQuestion", new AskQuestionRequest($"Question de P{i}", OpId: $"ask-{i}"), TimeSpan.FromSeconds(60));
            return asked.QuestionId;
        })).ToList();
        var questions = await Task.WhenAll(storm);
        stopChaos.Cancel();
        await chaos;

        var server = await facilitator.Snapshot();
        var results = server.Polls.Single(p => p.Id == poll).Results!;
        Assert.Equal(Participants, results.Voters);
        Assert.Equal(Enumerable.Range(0, Options.Length).Select(o => Enumerable.Range(0, Participants).Count(i => i % Options.Length == o)), results.Counts);
        Assert.Equal(Participants, server.Questions.Length);
        Assert.Equal(Participants, questions.Distinct().Count());
        Assert.Equal(questions.Order(StringComparer.Ordinal), server.Questions.Select(q => q.Id).Order(StringComparer.Ordinal));

        var participantView = ClientState.Digest(await clients[0].Snapshot());
        foreach (var client in clients)
        {
            await client.WaitForState(s => s.Digest() == participantView, "the server's state", TimeSpan.FromSeconds(30));
        }
        output.WriteLine($"{proxy.Dropped} connections dropped; {clients.Sum(c => c.Rejoins)} rejoins; {Participants} ballots and {Participants} questions, each counted once; every screen converged.");
        Assert.True(proxy.Dropped > 0 && clients.Sum(c => c.Rejoins) > 0, "the network really was flaky");
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
