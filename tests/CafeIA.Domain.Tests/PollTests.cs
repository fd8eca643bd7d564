using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class PollTests
{
    [Fact]
    public void A_poll_is_created_as_a_draft_and_opened_and_closed_by_the_facilitator()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll(open: false);
        Assert.Equal(PollState.Draft, f.Poll(poll, f.Facilitator).State);
        Assert.DoesNotContain(Ok(f.Session.Snapshot(f.Alice)).Polls, p => p.Id == poll);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])), RefusalCodes.NotFound);
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        Assert.Equal(PollState.Open, f.Poll(poll, f.Alice).State);
        Ok(f.Session.ClosePoll(f.Facilitator, poll));
        Assert.Equal(PollState.Closed, f.Poll(poll, f.Alice).State);
    }

    [Fact]
    public void Participants_and_moderators_cannot_create_open_or_close_polls()
    {
        var f = new SessionFixture();
        var moderator = f.Join(new JoinOptions(Key: f.Created.ModeratorKey)).ParticipantId;
        var poll = f.NewPoll(open: false);
        foreach (var who in new[] { f.Alice, moderator })
        {
            Refused(f.Session.CreatePoll(who, new CreatePollRequest("?", PollKind.Single, ["a", "b"])), RefusalCodes.Forbidden);
            Refused(f.Session.OpenPoll(who, poll), RefusalCodes.Forbidden);
            Refused(f.Session.ClosePoll(who, poll), RefusalCodes.Forbidden);
        }
        Assert.Single(f.Session.State.Polls);
        Assert.Equal(PollState.Draft, f.Poll(poll, f.Facilitator).State);
    }

    [Fact]
    public void A_poll_cannot_open_before_the_session_is_live()
    {
        var f = new SessionFixture(live: false);
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("Prêts ?", PollKind.Single, ["Oui", "Non"]))).PollId;
        Refused(f.Session.OpenPoll(f.Facilitator, poll), RefusalCodes.NotLive);
    }

    [Theory]
    [InlineData("", new[] { "a", "b" })]
    [InlineData("Question ?", new[] { "seule" })]
    [InlineData("Question ?", new[] { "a", " " })]
    [InlineData("Question ?", new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11" })]
    public void An_ill_formed_poll_is_invalid(string question, string[] options)
    {
        var f = new SessionFixture();
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest(question, PollKind.Single, options)), RefusalCodes.Invalid);
        Assert.Empty(f.Session.State.Polls);
    }

    [Fact]
    public void One_ballot_per_participant_and_a_changed_ballot_moves_the_counts()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Assert.Equal([1, 0, 0], f.Poll(poll, f.Bob).Results!.Counts);

        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [1])));
        var results = f.Poll(poll, f.Bob).Results!;
        Assert.Equal([0, 1, 0], results.Counts);
        Assert.Equal(1, results.Voters);
    }

    [Fact]
    public void Results_are_split_on_site_and_remote_and_add_up_to_the_total()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll(PollKind.Multiple);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0, 2])));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, [0])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, [0, 1])));
        var results = f.Poll(poll, f.Alice).Results!;
        Assert.Equal([2, 0, 1], results.Onsite);
        Assert.Equal([1, 1, 0], results.Remote);
        Assert.Equal([3, 1, 1], results.Counts);
        Assert.Equal(3, results.Voters);
    }

    [Theory]
    [InlineData(PollKind.Single, new int[0])]
    [InlineData(PollKind.Single, new[] { 0, 1 })]
    [InlineData(PollKind.Single, new[] { 3 })]
    [InlineData(PollKind.Single, new[] { -1 })]
    [InlineData(PollKind.Multiple, new[] { 1, 1 })]
    [InlineData(PollKind.Multiple, new[] { 0, 5 })]
    [InlineData(PollKind.Multiple, new int[0])]
    public void A_ballot_outside_the_poll_rules_is_invalid_and_changes_nothing(PollKind kind, int[] choices)
    {
        var f = new SessionFixture();
        var poll = f.NewPoll(kind);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, choices)), RefusalCodes.Invalid);
        Assert.Equal(0, f.Poll(poll, f.Alice).Results!.Voters);
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void A_closed_poll_refuses_votes_and_keeps_its_results()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Ok(f.Session.ClosePoll(f.Facilitator, poll));
        Refused(f.Session.Vote(f.Bob, new VoteRequest(poll, [1])), RefusalCodes.Closed);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [1])), RefusalCodes.Closed);
        Assert.Equal([1, 0, 0], f.Poll(poll, f.Alice).Results!.Counts);
    }

    [Fact]
    public void A_reopened_poll_keeps_its_ballots_and_accepts_changes_again()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Ok(f.Session.ClosePoll(f.Facilitator, poll));
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [2])));
        Assert.Equal([0, 0, 1], f.Poll(poll, f.Alice).Results!.Counts);
    }

    [Fact]
    public void The_ballot_counts_in_the_mode_the_voter_joined_with()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, [1])));
        var results = f.Poll(poll, f.Alice).Results!;
        Assert.Equal([0, 1, 0], results.Remote);
        Assert.Equal([0, 0, 0], results.Onsite);
    }

    [Fact]
    public void Voting_on_an_unknown_poll_is_not_found()
    {
        var f = new SessionFixture();
        Refused(f.Session.Vote(f.Alice, new VoteRequest("p404", [0])), RefusalCodes.NotFound);
    }
}
