using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>Acknowledged votes on statements survive stopping the process; the map comes back from them.</summary>
public sealed class OpinionRestartTests
{
    [Fact]
    public async Task Votes_on_statements_survive_a_restart_and_the_map_is_rebuilt_from_them()
    {
        using var data = new TempDirectory();
        SessionCreated created;
        string opinion, aliceToken;
        OpinionView before;

        await using (var first = await GatewayHost.StartEmbedded(data.Path))
        {
            await using var session = await HubSession.Start(first.BaseAddress, "Café IA de Quimper");
            var alice = await session.Participant("Alice", ParticipantMode.Onsite);
            var bob = await session.Participant("Bob", ParticipantMode.Remote);
            var chloe = await session.Participant("Chloé", ParticipantMode.Remote);
            created = session.Created;
            opinion = (await session.Facilitator.Invoke<OpinionCreated>("CreateOpinion",
                new CreateOpinionRequest("L'IA et nous", ["Encadrer par la loi", "Former les agents", "Ouvrir les algorithmes"]))).OpinionId;
            await session.Facilitator.Invoke("OpenOpinion", new OpinionRef(opinion));
            foreach (var (who, votes) in new[]
            {
                (alice, new[] { StatementVote.Agree, StatementVote.Agree, StatementVote.Disagree }),
                (bob, new[] { StatementVote.Disagree, StatementVote.Pass, StatementVote.Agree }),
                (chloe, new[] { StatementVote.Agree, StatementVote.Disagree, StatementVote.Agree }),
            })
            {
                for (var s = 0; s < votes.Length; s++)
                {
                    await who.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, $"s{s + 1}", votes[s]));
                }
            }
            // Alice changes her mind: the stored vote is the last one.
            await alice.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, "s3", StatementVote.Pass));
            aliceToken = alice.Joined.ResumeToken;
            before = await Eventually.Get(async () => (await session.Facilitator.Snapshot()).Opinions!.Single(),
                o => o.Map?.Length == 3, "the map of three voters");
        }

        await using var second = await GatewayHost.StartEmbedded(data.Path);
        await using var facilitator = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await using var aliceAgain = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(ResumeToken: aliceToken));
        var after = aliceAgain.Joined.Snapshot.Opinions!.Single();
        Assert.Equal((OpinionState.Open, 3), (after.State, after.Voters));
        Assert.Equal(before.Statements.Select(s => (s.Id, s.Agree, s.Disagree, s.Pass, s.Onsite, s.Remote)),
            after.Statements.Select(s => (s.Id, s.Agree, s.Disagree, s.Pass, s.Onsite, s.Remote)));
        Assert.Equal([StatementVote.Agree, StatementVote.Agree, StatementVote.Pass], after.Statements.Select(s => s.MyVote));
        Assert.Equal((2, 0, 1), (after.Statements[2].Agree, after.Statements[2].Disagree, after.Statements[2].Pass));
        Assert.Null(after.Next);
        // The dots were not stored: the session wakes the map on activation, which rebuilds it from the stored votes.
        var map = await Eventually.Get(async () => (await facilitator.Snapshot()).Opinions!.Single(), o => o.Map?.Length == 3, "the map rebuilt after the restart");
        Assert.Equal(before.Map!.Select(d => d.Mode).Order(), map.Map!.Select(d => d.Mode).Order());
    }
}
