using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class SessionLifecycleTests
{
    [Fact]
    public void A_new_session_is_a_draft_with_a_title_and_a_join_code()
    {
        var f = new SessionFixture(live: false);
        var snapshot = Ok(f.Session.Snapshot(f.Alice));
        Assert.Equal(SessionPhase.Draft, snapshot.State);
        Assert.Equal("Café IA à la médiathèque", snapshot.Title);
        Assert.Equal("ABC234", snapshot.JoinCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_session_needs_a_title(string? title)
    {
        var state = new SessionState();
        Refused(Session.Create(state, Guid.NewGuid(), title, "ABC234", new SessionLimits(), DateTimeOffset.UtcNow), RefusalCodes.Invalid);
        Assert.False(state.Exists);
    }

    [Fact]
    public void Only_the_facilitator_starts_and_ends_the_session()
    {
        var f = new SessionFixture(live: false);
        Refused(f.Session.SetPhase(f.Alice, SessionPhase.Live), RefusalCodes.Forbidden);
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Live));
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.SetPhase(f.Facilitator, SessionPhase.Live), RefusalCodes.Closed);
        Assert.Equal(SessionPhase.Ended, Ok(f.Session.Snapshot(f.Alice)).State);
    }

    [Fact]
    public void Ending_the_session_closes_its_open_polls_and_makes_it_read_only()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Assert.Equal(PollState.Closed, f.Poll(poll, f.Alice).State);
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest("Encore une ?")), RefusalCodes.Closed);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])), RefusalCodes.Closed);
    }

    [Fact]
    public void Every_change_raises_the_sequence_number_by_one()
    {
        var f = new SessionFixture();
        var before = f.Session.State.Seq;
        Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("Première ?")));
        var batch = f.Session.TakeChanges();
        Assert.NotNull(batch);
        Assert.Equal(before + 1, batch.Seq);
        Assert.Equal(before + 1, f.Session.State.Seq);
    }

    [Fact]
    public void A_refused_or_idle_command_changes_nothing_and_raises_no_sequence_number()
    {
        var f = new SessionFixture();
        var before = f.Session.State.Seq;
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest("")), RefusalCodes.Invalid);
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(before, f.Session.State.Seq);
        Assert.Empty(f.Session.State.Questions);
    }

    [Fact]
    public void Snapshot_made_during_a_change_carries_the_sequence_number_of_that_change()
    {
        var f = new SessionFixture();
        var joined = f.Join(new JoinOptions("Dora", ParticipantMode.Remote));
        var batch = f.Session.TakeChanges();
        Assert.NotNull(batch);
        Assert.Equal(batch.Seq, joined.Snapshot.Seq);
    }
}
