using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Counting hands: the room's show of hands is a third split of a poll's results, next to on site and remote.</summary>
public sealed class HandCountTests
{
    [Fact]
    public void Hand_counts_are_added_as_a_third_split_of_a_single_choice_poll()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, [1])));
        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [3, 0, 2])));

        var results = f.Poll(poll, f.Bob).Results!;
        Assert.Equal([1, 0, 0], results.Onsite);
        Assert.Equal([0, 1, 0], results.Remote);
        Assert.Equal([3, 0, 2], results.NoDevice!);
        Assert.Equal([4, 1, 2], results.Counts);
        Assert.Equal((7, 1, 1, 5), (results.Voters, results.VotersOnsite, results.VotersRemote, results.VotersNoDevice));
    }

    [Fact]
    public void A_multiple_choice_show_of_hands_counts_its_largest_option_as_voters()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll(PollKind.Multiple);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0, 1])));
        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [4, 6, 1])));
        var results = f.Poll(poll, f.Bob).Results!;
        Assert.Equal([5, 7, 1], results.Counts);
        Assert.Equal((7, 6), (results.Voters, results.VotersNoDevice));
    }

    [Fact]
    public void A_rating_takes_one_count_per_value_and_its_means_include_the_hands()
    {
        var f = new SessionFixture();
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("Utile ?", PollKind.Rating, null, ScaleMax: 4))).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Rating: 4)));
        Refused(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [1, 2, 3])), RefusalCodes.Invalid);
        // Two hands for 1, one for 2: (4 + 1 + 1 + 2) / 4 = 2.
        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [2, 1, 0, 0])));
        var results = f.Poll(poll, f.Bob).Results!;
        Assert.Equal([2, 1, 0, 1], results.Counts);
        Assert.Equal((4, 3), (results.Voters, results.VotersNoDevice));
        Assert.Equal(2, results.Mean!.All);
        Assert.Equal(4, results.Mean.Onsite);
        Assert.Equal(1.33, results.Mean.NoDevice);
    }

    [Fact]
    public void A_participant_or_the_projector_recording_a_hand_count_is_forbidden()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        foreach (var who in new[] { f.Alice, projector })
        {
            Refused(f.Session.RecordHandCount(who, new HandCountRequest(poll, [1, 1, 1])), RefusalCodes.Forbidden);
            Refused(f.Session.ClearHandCount(who, poll), RefusalCodes.Forbidden);
        }
        Assert.Null(f.Session.State.Polls.Single().HandCount);
        Ok(f.Session.RecordHandCount(f.Moderator(), new HandCountRequest(poll, [1, 1, 1])));
        Assert.Equal([1, 1, 1], f.Session.State.Polls.Single().HandCount!);
    }

    [Theory]
    [InlineData(new[] { 1, -1, 0 })]
    [InlineData(new[] { 1, 2 })]
    [InlineData(new[] { 1, 2, 3, 4 })]
    [InlineData(new[] { 0, 100_001, 0 })]
    public void Negative_or_oversized_counts_or_the_wrong_length_are_invalid_and_change_nothing(int[] counts)
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [2, 0, 1])));
        f.Session.TakeChanges();
        Refused(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, counts)), RefusalCodes.Invalid);
        Assert.Equal([2, 0, 1], f.Session.State.Polls.Single().HandCount!);
        Assert.Equal([2, 0, 1], f.Poll(poll, f.Alice).Results!.Counts);
        Assert.Empty(f.EventsFor(Audience.Everyone));
    }

    [Fact]
    public void A_draft_other_kinds_and_an_ended_session_refuse_a_count()
    {
        var f = new SessionFixture();
        var draft = f.NewPoll(open: false);
        Refused(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(draft, [1, 1, 1])), RefusalCodes.Invalid);
        var cloud = f.NewPoll(PollKind.WordCloud);
        Refused(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(cloud, [])), RefusalCodes.Invalid);
        Refused(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest("p99", [1, 1, 1])), RefusalCodes.NotFound);
        var poll = f.NewPoll();
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [1, 1, 1])), RefusalCodes.Closed);
    }

    [Fact]
    public void A_count_is_replaced_and_cleared_and_only_the_staff_see_it_as_such()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [1, 2, 3])));
        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [0, 5, 0])));
        Assert.Equal([0, 5, 0], f.Poll(poll, f.Facilitator).HandCount!);
        Assert.Null(f.Poll(poll, f.Alice).HandCount);
        Assert.Equal([0, 5, 0], f.Poll(poll, f.Alice).Results!.Counts);

        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [])));
        Assert.Null(f.Poll(poll, f.Facilitator).HandCount);
        Assert.Null(f.Poll(poll, f.Alice).Results!.NoDevice);

        Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, [1, 0, 0])));
        Ok(f.Session.ClearHandCount(f.Facilitator, poll));
        Assert.Equal(0, f.Poll(poll, f.Alice).Results!.Voters);
    }

    [Fact]
    public void A_programmes_national_tally_includes_the_hands_of_every_cafe()
    {
        var programme = Guid.NewGuid();
        var national = Tally.Empty(3);
        foreach (var hands in new[] { new[] { 2, 0, 1 }, [0, 4, 0] })
        {
            var f = new SessionFixture();
            Ok(f.Session.JoinProgramme(f.Facilitator, programme));
            var poll = Ok(f.Session.AddProgrammePoll(programme, "n1", new CreatePollRequest("Inquiet ?", PollKind.Single, ["Oui", "Non", "Un peu"]))).PollId;
            f.Session.TakeChanges();
            Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
            Ok(f.Session.RecordHandCount(f.Facilitator, new HandCountRequest(poll, hands)));
            national = national.Plus(Assert.Single(f.Session.ProgrammeTallies(f.Session.TakeChanges()!)).Tally);
        }
        Assert.Equal([2, 4, 1], national.NoDevice!);
        Assert.Equal([4, 4, 1], national.Counts);
        Assert.Equal((9, 2, 7), (national.Voters, national.VotersOnsite, national.VotersNoDevice));
    }
}
