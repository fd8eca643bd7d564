using System.Diagnostics;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Cluster;

/// <summary>
/// The cluster deployment with PostgreSQL stopped for 30 s while a poll is open: calls that need a
/// write are refused `unavailable` quickly and none hangs, the silo holding the session says
/// degraded, and once PostgreSQL is back the same calls go through with no restart, readiness turns
/// healthy by itself, and every acknowledged ballot is in storage.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DatabaseOutageTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly string[] Options = ["oui", "non", "peut-être"];
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RefusalWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stopping_PostgreSQL_for_30_s_mid_vote_refuses_calls_as_unavailable_and_the_session_resumes_with_every_acknowledged_ballot()
    {
        await using var cluster = await LocalCluster.Start(postgres, silos: 2, gateways: 1);
        var gateway = cluster.Gateways[0].HttpAddress;
        var created = await CafeClient.CreateSession(gateway, "Café IA sans base de données");
        var sessionId = Guid.Parse(created.SessionId);
        await using var facilitator = await CafeClient.Join(gateway, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var participants = new List<CafeClient>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                participants.Add(await CafeClient.Join(gateway, created.JoinCode, new JoinOptions($"P{i}", ParticipantMode.Onsite)));
            }
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, Options))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(poll));
            VoteRequest Ballot(int i) => new(poll, [i % Options.Length], OpId: $"outage-{i}");

            ServiceProcess holder;
            await using (var orleans = await GatewayHost.Start([.. cluster.CommonArgs, "--Gateway:Mode=Client"]))
            {
                holder = cluster.SiloAt(await orleans.Services.GetRequiredService<IClusterClient>().GetGrain<ISessionGrain>(sessionId).GetHost());
            }
            using var siloHttp = new HttpClient { BaseAddress = holder.HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
            using var gatewayHttp = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal("Healthy", await siloHttp.GetStringAsync("/health/ready"));
            Assert.Equal("Healthy", await Readiness(gatewayHttp));

            // Before: half the room votes.
            var acknowledged = new HashSet<int>();
            for (var i = 0; i < 3; i++)
            {
                await participants[i].Invoke("Vote", Ballot(i));
                acknowledged.Add(i);
            }

            // PostgreSQL stops; the other half keeps trying to vote for the whole outage.
            await postgres.Stop();
            var stoppedAt = Stopwatch.StartNew();
            var refusals = 0;
            var slowest = TimeSpan.Zero;
            var duringOutage = new List<int>();
            for (var n = 0; stoppedAt.Elapsed < Outage; n++)
            {
                var i = 3 + n % 3;
                var call = Stopwatch.StartNew();
                var attempt = participants[i].Invoke("Vote", Ballot(i));
                if (await Task.WhenAny(attempt, Task.Delay(RefusalWithin)) != attempt)
                {
                    Assert.Fail($"a vote during the outage got no answer within {RefusalWithin.TotalSeconds} s");
                }
                try
                {
                    await attempt;
                    // Acknowledged while the database was down (it cannot have been written): it must be there anyway.
                    acknowledged.Add(i);
                    duringOutage.Add(i);
                }
                catch (CallRefusedException refused)
                {
                    Assert.Equal(RefusalCodes.Unavailable, refused.Code);
                    if (refusals++ == 0)
                    {
                        // The store failed: the silo holding the session says so, and stays in the balancer.
                        await Eventually.Get(() => siloHttp.GetStringAsync("/health/ready"), s => s == "Degraded", "the silo degraded", TimeSpan.FromSeconds(5));
                        // The client gateway cannot read the membership table, but its silos answer: it
                        // says degraded and stays in the load balancer (unhealthy would take every
                        // screen it serves off the service for the whole outage).
                        Assert.Equal("Degraded", await Readiness(gatewayHttp));
                    }
                }
                slowest = call.Elapsed > slowest ? call.Elapsed : slowest;
                // Pacing the room's traffic (two votes a second), not waiting for anything.
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
            Assert.True(refusals >= 3, $"only {refusals} votes refused during the outage");
            Assert.Equal("Degraded", await siloHttp.GetStringAsync("/health/ready"));
            Assert.Equal("Degraded", await Readiness(gatewayHttp));
            output.WriteLine($"{refusals} votes refused unavailable during the {Outage.TotalSeconds:F0} s outage, the slowest answer in {slowest.TotalMilliseconds:F0} ms; {duringOutage.Count} acknowledged.");

            // PostgreSQL is back: the silo turns healthy by itself (its store probe), with nobody writing.
            await postgres.Start();
            var back = Stopwatch.StartNew();
            await Eventually.Get(() => siloHttp.GetStringAsync("/health/ready"), s => s == "Healthy", "the silo healthy again", TimeSpan.FromSeconds(20));
            await Eventually.Get(() => Readiness(gatewayHttp), s => s == "Healthy", "the gateway healthy again", TimeSpan.FromSeconds(20));
            output.WriteLine($"readiness healthy {back.Elapsed.TotalSeconds:F1} s after PostgreSQL started again");

            // The refused ballots, retried with their opIds, go through with no restart: each counted once.
            for (var i = 3; i < 6; i++)
            {
                var voter = participants[i];
                var ballot = Ballot(i);
                await Eventually.Get(async () =>
                {
                    try
                    {
                        await voter.Invoke("Vote", ballot);
                        return true;
                    }
                    catch (CallRefusedException refused) when (refused.Code == RefusalCodes.Unavailable)
                    {
                        return false;
                    }
                }, ok => ok, $"P{i}'s ballot acknowledged after the outage", TimeSpan.FromSeconds(20));
                acknowledged.Add(i);
            }
            AssertBallots((await facilitator.Snapshot()).Polls.Single(p => p.Id == poll).Results!, acknowledged);

            // Reloaded from storage: the silo holding the session dies, and a newcomer's snapshot comes from the other one.
            holder.Kill();
            var reloaded = await Eventually.Get(async () =>
            {
                try
                {
                    await using var newcomer = await CafeClient.Join(gateway, created.JoinCode, new JoinOptions("Après la panne"));
                    return (await newcomer.Snapshot()).Polls.Single(p => p.Id == poll).Results;
                }
                catch (CallRefusedException refused) when (refused.Code == RefusalCodes.Unavailable)
                {
                    return null;
                }
            }, r => r is not null, "a newcomer's snapshot from the reloaded session", TimeSpan.FromSeconds(45));
            AssertBallots(reloaded!, acknowledged);
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
        finally
        {
            foreach (var client in participants)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>What /health/ready says, whatever its status code (503 when unhealthy).</summary>
    private static async Task<string> Readiness(HttpClient http) =>
        await (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).Content.ReadAsStringAsync();

    /// <summary>Every acknowledged ballot counted once, nothing else.</summary>
    private static void AssertBallots(PollResults results, HashSet<int> acknowledged)
    {
        Assert.Equal(acknowledged.Count, results.Voters);
        foreach (var option in Enumerable.Range(0, Options.Length))
        {
            Assert.Equal(acknowledged.Count(i => i % Options.Length == option), results.Counts[option]);
        }
    }
}
