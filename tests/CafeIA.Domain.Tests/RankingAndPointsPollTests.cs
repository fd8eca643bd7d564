using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Ranking polls (a Borda count) and points polls (a budget shared among the options), split on site / remote.</summary>
public sealed class RankingAndPointsPollTests
{
    private static readonly string[] Options = ["former", "réguler", "attendre"];

    private static string Open(SessionFixture f, CreatePollRequest request)
    {
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, request)).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        f.Session.TakeChanges();
        return poll;
    }

    private static PollResults Results(SessionFixture f, string poll) => f.Poll(poll, f.Facilitator).Results!;

    private static void AssertSplitAddsUp(PollResults r)
    {
        Assert.Equal(r.Counts, r.Onsite.Zip(r.Remote, (a, b) => a + b));
        Assert.Equal(r.Voters, r.VotersOnsite + r.VotersRemote);
        foreach (var sums in new[] { r.Scores, r.Totals }.OfType<OptionTotals>())
        {
            Assert.Equal(sums.All, sums.Onsite.Zip(sums.Remote, (a, b) => a + b));
        }
    }

    [Fact]
    public void A_ranking_scores_a_Borda_count_and_average_ranks_per_mode()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Priorités ?", PollKind.Ranking, Options));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Order: [0, 1, 2])));  // on site
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, Order: [1, 0, 2])));    // on site
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Order: [2, 1, 0])));  // remote

        var r = Results(f, poll);
        // Position 0 scores 2, 1 scores 1, 2 scores 0.
        Assert.Equal(new[] { 3, 4, 2 }, r.Scores!.All);
        Assert.Equal(new[] { 3, 3, 0 }, r.Scores.Onsite);
        Assert.Equal(new[] { 0, 1, 2 }, r.Scores.Remote);
        Assert.Equal(new double?[] { 2, 1.67, 2.33 }, r.AverageRank!.All);
        Assert.Equal(new double?[] { 1.5, 1.5, 3 }, r.AverageRank.Onsite);
        Assert.Equal(new double?[] { 3, 2, 1 }, r.AverageRank.Remote);
        // Counts: the ballots putting each option first.
        Assert.Equal(new[] { 1, 1, 1 }, r.Counts);
        Assert.Equal(new[] { 1, 1, 0 }, r.Onsite);
        Assert.Equal((3, 2, 1), (r.Voters, r.VotersOnsite, r.VotersRemote));
        Assert.Null(r.Totals);
        AssertSplitAddsUp(r);
        Assert.Equal(new[] { 0, 1, 2 }, f.Poll(poll, f.Alice).MyOrder);

        // A new ballot replaces the voter's previous one.
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Order: [0, 2, 1])));
        Assert.Equal(new[] { 5, 3, 1 }, Results(f, poll).Scores!.All);
        Assert.Equal(3, Results(f, poll).Voters);
    }

    [Fact]
    public void Average_ranks_are_null_where_nobody_of_that_mode_voted()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Priorités ?", PollKind.Ranking, Options));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Order: [2, 0, 1])));
        var r = Results(f, poll);
        Assert.Equal(new double?[] { 2, 3, 1 }, r.AverageRank!.Onsite);
        Assert.Equal(new double?[] { null, null, null }, r.AverageRank.Remote);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1 })]            // partial: every option must be ranked
    [InlineData(new[] { 0, 1, 1 })]         // twice the same option
    [InlineData(new[] { 0, 1, 3 })]         // no such option
    [InlineData(new[] { 0, 1, 2, 0 })]
    [InlineData(new[] { -1, 0, 1 })]
    public void A_ranking_ballot_orders_every_option_exactly_once(int[] order)
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Priorités ?", PollKind.Ranking, Options));
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Order: order)), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Choices: [0])), RefusalCodes.Invalid);
        Assert.Equal(0, Results(f, poll).Voters);
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void A_points_poll_sums_the_points_per_option_within_the_budget()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Où mettre le budget ?", PollKind.Points, Options));
        Assert.Equal(100, f.Poll(poll, f.Alice).Budget);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Points: [50, 50, 0])));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, Points: [10, 0, 80])));  // less than the budget is fine
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Points: [0, 0, 100])));

        var r = Results(f, poll);
        Assert.Equal(new[] { 60, 50, 180 }, r.Totals!.All);
        Assert.Equal(new[] { 60, 50, 80 }, r.Totals.Onsite);
        Assert.Equal(new[] { 0, 0, 100 }, r.Totals.Remote);
        // Counts: the voters giving the option any points.
        Assert.Equal(new[] { 2, 1, 2 }, r.Counts);
        Assert.Equal(new[] { 0, 0, 1 }, r.Remote);
        Assert.Null(r.Scores);
        AssertSplitAddsUp(r);
        Assert.Equal(new[] { 10, 0, 80 }, f.Poll(poll, f.Bob).MyPoints);
    }

    [Theory]
    [InlineData(new[] { 50, 50, 1 })]      // over the budget
    [InlineData(new[] { 0, 0, 0 })]        // nothing given
    [InlineData(new[] { 50, 50 })]         // one number per option
    [InlineData(new[] { 120, -20, 0 })]    // no negative points
    [InlineData(new[] { int.MaxValue, int.MaxValue, 2 })] // the sum does not overflow into the budget
    public void A_points_ballot_gives_whole_non_negative_points_summing_to_at_most_the_budget(int[] points)
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Où mettre le budget ?", PollKind.Points, Options));
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Points: points)), RefusalCodes.Invalid);
        Assert.Equal(0, Results(f, poll).Voters);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void A_points_budget_is_between_1_and_10000(int budget)
    {
        var f = new SessionFixture();
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Points, Options, Budget: budget)), RefusalCodes.Invalid);
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Points, Options, Budget: 10)));
        Assert.Equal(10, f.Poll(poll.PollId, f.Facilitator).Budget);
        Ok(f.Session.EditPoll(f.Facilitator, new EditPollRequest(poll.PollId, "?", PollKind.Points, Options, Budget: 1000)));
        Assert.Equal(1000, f.Poll(poll.PollId, f.Facilitator).Budget);
    }

    [Fact]
    public void Ranking_and_points_ballots_are_refused_closed_and_forbidden_like_any_other()
    {
        var f = new SessionFixture();
        var ranking = Open(f, new CreatePollRequest("?", PollKind.Ranking, Options));
        var points = Open(f, new CreatePollRequest("?", PollKind.Points, Options));
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        Refused(f.Session.Vote(projector, new VoteRequest(ranking, Order: [0, 1, 2])), RefusalCodes.Forbidden);
        Refused(f.Session.Vote("nobody", new VoteRequest(points, Points: [1, 0, 0])), RefusalCodes.Forbidden);
        Refused(f.Session.CreatePoll(f.Alice, new CreatePollRequest("?", PollKind.Ranking, Options)), RefusalCodes.Forbidden);
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Ranking, ["seule"])), RefusalCodes.Invalid);
        Ok(f.Session.ClosePoll(f.Facilitator, ranking));
        Ok(f.Session.ClosePoll(f.Facilitator, points));
        Refused(f.Session.Vote(f.Alice, new VoteRequest(ranking, Order: [0, 1, 2])), RefusalCodes.Closed);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(points, Points: [1, 0, 0])), RefusalCodes.Closed);
        Assert.Equal(0, Results(f, ranking).Voters + Results(f, points).Voters);
    }
}
