using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Ranking and points polls pushed by a programme: each café's tally adds up to the national one, as the shards sum them.</summary>
public sealed class ProgrammeSumTests
{
    private static readonly string[] Options = ["former", "réguler", "attendre"];

    [Fact]
    public void Ranking_scores_and_points_totals_add_up_across_cafes_and_the_national_average_rank_is_weighted_by_voters()
    {
        var programme = Guid.NewGuid();
        var ranking = new CreatePollRequest("Priorités ?", PollKind.Ranking, Options);
        var points = new CreatePollRequest("Budget ?", PollKind.Points, Options, Budget: 10);
        // Café 1: three voters (Alice, Bob on site; Chloé remote); café 2: only Alice (on site) votes.
        var ballots = new[]
        {
            new[] { ([0, 1, 2], new[] { 10, 0, 0 }), ([1, 0, 2], [5, 5, 0]), ((int[])[2, 1, 0], (int[])[0, 0, 10]) },
            new[] { ((int[])[2, 0, 1], (int[])[1, 2, 3]) },
        };
        var national = new Dictionary<string, Tally>();
        foreach (var cafeBallots in ballots)
        {
            var f = new SessionFixture();
            Ok(f.Session.JoinProgramme(f.Facilitator, programme));
            var rankingPoll = Ok(f.Session.AddProgrammePoll(programme, "n1", ranking)).PollId;
            var pointsPoll = Ok(f.Session.AddProgrammePoll(programme, "n2", points)).PollId;
            f.Session.TakeChanges();
            foreach (var ((order, given), voter) in cafeBallots.Zip(new[] { f.Alice, f.Bob, f.Chloe }))
            {
                Ok(f.Session.Vote(voter, new VoteRequest(rankingPoll, Order: order)));
                Ok(f.Session.Vote(voter, new VoteRequest(pointsPoll, Points: given)));
            }
            foreach (var (id, tally) in f.Session.ProgrammeTallies(f.Session.TakeChanges()!))
            {
                national[id] = national.TryGetValue(id, out var sum) ? sum.Plus(tally) : Tally.Empty(Options.Length).Plus(tally);
            }
        }

        var rank = national["n1"];
        Assert.Equal((4, 3, 1, 2), (rank.Voters, rank.VotersOnsite, rank.VotersRemote, rank.Sessions));
        // Café 1: [3, 4, 2] (on site [3, 3, 0]); café 2: [1, 0, 2] on site.
        Assert.Equal([4, 4, 4], rank.Scores!.All);
        Assert.Equal([4, 3, 2], rank.Scores.Onsite);
        Assert.Equal([0, 1, 2], rank.Scores.Remote);
        // Positions of option 0: 1, 2, 3 (café 1) and 2 (café 2): 2 on average over the 4 ballots, not the mean of the cafés' means.
        Assert.Equal(new double?[] { 2, 2, 2 }, rank.AverageRank!.All);
        Assert.Equal(new double?[] { 1.67, 2, 2.33 }, rank.AverageRank.Onsite);
        Assert.Equal(new double?[] { 3, 2, 1 }, rank.AverageRank.Remote);
        Assert.Equal([1, 1, 2], rank.Counts);

        var shared = national["n2"];
        Assert.Equal([16, 7, 13], shared.Totals!.All);
        Assert.Equal([16, 7, 3], shared.Totals.Onsite);
        Assert.Equal([0, 0, 10], shared.Totals.Remote);
        Assert.Equal([3, 2, 2], shared.Counts);
        Assert.Null(shared.Scores);
    }
}
