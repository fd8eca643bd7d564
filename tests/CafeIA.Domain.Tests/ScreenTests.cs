using System.Text.Json.Nodes;
using CafeIA.Storage;
using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>What the room sees: the screen the staff choose, and the three switches of a poll.</summary>
public sealed class ScreenTests
{
    private static readonly Audience[] Groups = [Audience.Participants, Audience.Staff, Audience.Projector];

    [Fact]
    public void A_new_session_shows_the_join_code_to_every_role_and_has_no_start_time_while_draft()
    {
        var f = new SessionFixture(live: false);
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        foreach (var who in new[] { f.Facilitator, f.Alice, projector })
        {
            var snapshot = Ok(f.Session.Snapshot(who));
            Assert.Equal(new Screen(ScreenView.Join), snapshot.Screen);
            Assert.Null(snapshot.StartedAt);
        }
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Live));
        Assert.NotNull(Ok(f.Session.Snapshot(f.Alice)).StartedAt);
        Assert.Equal(f.Session.State.StartedAt, Ok(f.Session.Snapshot(projector)).StartedAt);
    }

    [Fact]
    public void The_facilitator_sets_the_screen_and_every_audience_is_told()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Questions)));
        var changes = f.Session.TakeChanges()!;
        foreach (var group in Groups)
        {
            Assert.Equal(new ScreenChanged(ScreenView.Questions), Assert.Single(changes.For(group).Events));
        }
        Assert.Equal(new Screen(ScreenView.Questions), Ok(f.Session.Snapshot(f.Chloe)).Screen);
    }

    [Theory]
    [InlineData(ScreenView.Leaderboard)]
    [InlineData(ScreenView.Podium)]
    public void The_quiz_scores_can_be_put_on_screen(ScreenView view)
    {
        var f = new SessionFixture();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(view)));
        Assert.Equal(new ScreenChanged(view), Assert.Single(f.Session.TakeChanges()!.For(Audience.Projector).Events));
        Assert.Equal(new Screen(view), Ok(f.Session.Snapshot(f.Chloe)).Screen);
    }

    [Fact]
    public void A_moderator_focuses_a_draft_poll_then_the_facilitator_opens_it()
    {
        var f = new SessionFixture();
        var moderator = f.Moderator();
        var poll = f.NewPoll(open: false);
        Ok(f.Session.SetScreen(moderator, new ScreenRequest(ScreenView.Activity, poll)));
        Assert.Equal(new ScreenChanged(ScreenView.Activity, poll), Assert.Single(f.EventsFor(Audience.Participants)));
        Assert.Equal(new Screen(ScreenView.Activity, poll), Ok(f.Session.Snapshot(f.Alice)).Screen);
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        Assert.Equal(new Screen(ScreenView.Activity, poll), Ok(f.Session.Snapshot(moderator)).Screen);
    }

    [Fact]
    public void A_participant_or_the_projector_cannot_set_the_screen_and_nothing_changes()
    {
        var f = new SessionFixture();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        f.Session.TakeChanges();
        foreach (var who in new[] { f.Alice, projector })
        {
            Refused(f.Session.SetScreen(who, new ScreenRequest(ScreenView.Blank)), RefusalCodes.Forbidden);
        }
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(ScreenView.Join, f.Session.State.Screen.View);
    }

    [Fact]
    public void An_unknown_poll_is_not_found_and_a_poll_id_is_required_by_activity_and_refused_by_other_views()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Activity, "p99")), RefusalCodes.NotFound);
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Activity)), RefusalCodes.Invalid);
        foreach (var view in new[] { ScreenView.Join, ScreenView.Questions, ScreenView.Pinned, ScreenView.Blank, ScreenView.Leaderboard, ScreenView.Podium })
        {
            Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(view, poll)), RefusalCodes.Invalid);
        }
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(null)), RefusalCodes.Invalid);
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest((ScreenView)42)), RefusalCodes.Invalid);
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(new Screen(ScreenView.Join), f.Session.State.Screen);
    }

    [Fact]
    public void Setting_the_screen_it_already_has_changes_nothing()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        var moderator = f.Moderator();
        f.Session.TakeChanges();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Join)));
        Assert.Null(f.Session.TakeChanges());

        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Activity, poll)));
        var seq = f.Session.TakeChanges()!.Seq;
        f.Session.TakeCommit();
        var revision = f.Session.Revision;
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Activity, poll)));
        Ok(f.Session.SetScreen(moderator, new ScreenRequest(ScreenView.Activity, poll)));
        Assert.Equal(revision, f.Session.Revision);
        Assert.False(f.Session.HasChanges);
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(seq, f.Session.State.Seq);
    }

    [Fact]
    public void An_ended_session_keeps_its_screen()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Blank)), RefusalCodes.Closed);
        Assert.Equal(ScreenView.Join, f.Session.State.Screen.View);
    }

    [Fact]
    public void Deleting_the_focused_poll_brings_the_join_code_back_in_the_same_batch()
    {
        var f = new SessionFixture();
        var focused = f.NewPoll();
        var other = f.NewPoll();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Activity, focused)));
        f.Session.TakeChanges();

        Ok(f.Session.DeletePoll(f.Facilitator, other));
        Assert.DoesNotContain(f.EventsFor(Audience.Participants), e => e is ScreenChanged);

        Ok(f.Session.DeletePoll(f.Facilitator, focused));
        var changes = f.Session.TakeChanges()!;
        foreach (var group in Groups)
        {
            var events = changes.For(group).Events;
            Assert.Contains(new PollRemoved(focused), events);
            Assert.Equal(new ScreenChanged(ScreenView.Join), events.OfType<ScreenChanged>().Single());
        }
        Assert.Equal(new Screen(ScreenView.Join), Ok(f.Session.Snapshot(f.Bob)).Screen);
    }

    [Fact]
    public void Results_are_on_screen_unless_created_hidden_and_the_staff_toggle_them()
    {
        var f = new SessionFixture();
        var moderator = f.Moderator();
        var shown = f.NewPoll();
        var hidden = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("Secret ?", PollKind.Single, ["a", "b"], HideResults: true))).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, hidden));
        f.Session.TakeChanges();
        Assert.True(f.Poll(shown, f.Alice).ResultsOnScreen);
        Assert.False(f.Poll(hidden, f.Alice).ResultsOnScreen);

        Ok(f.Session.ShowResultsOnScreen(moderator, hidden, true));
        var changes = f.Session.TakeChanges()!;
        foreach (var group in Groups)
        {
            Assert.True(Assert.IsType<PollUpdated>(Assert.Single(changes.For(group).Events)).Poll.ResultsOnScreen);
        }
        // A switch apart from the phones': participants still receive no results.
        Assert.Null(f.Poll(hidden, f.Alice).Results);
        Assert.True(f.Poll(hidden, f.Alice).ResultsOnScreen);

        Ok(f.Session.ShowResultsOnScreen(f.Facilitator, shown, false));
        Assert.False(Assert.IsType<PollUpdated>(Assert.Single(f.EventsFor(Audience.Projector))).Poll.ResultsOnScreen);
        Assert.NotNull(f.Poll(shown, f.Alice).Results);

        Ok(f.Session.ShowResultsOnScreen(f.Facilitator, shown, false));
        Assert.Null(f.Session.TakeChanges());
        Refused(f.Session.ShowResultsOnScreen(f.Alice, shown, true), RefusalCodes.Forbidden);
        Refused(f.Session.ShowResultsOnScreen(f.Facilitator, "p99", true), RefusalCodes.NotFound);
        Refused(f.Session.ShowResultsOnScreen(f.Facilitator, shown, null), RefusalCodes.Invalid);
        Assert.False(f.Poll(shown, f.Facilitator).ResultsOnScreen);
    }

    [Fact]
    public void HideResults_stops_sending_results_to_participants_as_for_a_poll_created_hidden()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        f.Session.TakeChanges();
        Assert.NotNull(f.Poll(poll, f.Bob).Results);

        Refused(f.Session.HideResults(f.Moderator(), poll), RefusalCodes.Forbidden);
        f.Session.TakeChanges();
        Ok(f.Session.HideResults(f.Facilitator, poll));
        var changes = f.Session.TakeChanges()!;
        var toPhones = Assert.IsType<PollUpdated>(Assert.Single(changes.For(Audience.Participants).Events)).Poll;
        Assert.Null(toPhones.Results);
        Assert.True(toPhones.HideResults);
        Assert.False(toPhones.Revealed);
        Assert.NotNull(Assert.IsType<PollUpdated>(Assert.Single(changes.For(Audience.Projector).Events)).Poll.Results);
        Assert.Null(f.Poll(poll, f.Bob).Results);
        Assert.True(f.Poll(poll, f.Bob).ResultsOnScreen);

        // Ballots now reach the staff and the projector only.
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, [1])));
        changes = f.Session.TakeChanges()!;
        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Equal([1, 1, 0], Assert.IsType<PollResultsChanged>(Assert.Single(changes.For(Audience.Projector).Events)).Results.Counts);

        Ok(f.Session.HideResults(f.Facilitator, poll));
        Assert.Null(f.Session.TakeChanges());
        Ok(f.Session.RevealResults(f.Facilitator, poll));
        Assert.Equal([1, 1, 0], Assert.IsType<PollUpdated>(Assert.Single(f.EventsFor(Audience.Participants))).Poll.Results!.Counts);
    }

    [Fact]
    public void A_poll_carries_when_it_was_last_opened()
    {
        var clock = new ManualClock();
        var f = new SessionFixture(clock: clock);
        var poll = f.NewPoll(open: false);
        Assert.Null(f.Poll(poll, f.Facilitator).OpenedAt);
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        var opened = Assert.IsType<PollUpdated>(Assert.Single(f.EventsFor(Audience.Participants))).Poll.OpenedAt;
        Assert.NotNull(opened);
        Ok(f.Session.ClosePoll(f.Facilitator, poll));
        Assert.Equal(opened, f.Poll(poll, f.Alice).OpenedAt);
        clock.Advance(TimeSpan.FromMinutes(3));
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        Assert.Equal(opened + TimeSpan.FromMinutes(3), f.Poll(poll, f.Alice).OpenedAt);
    }

    [Fact]
    public void The_screen_and_the_switches_are_stored_and_a_session_stored_before_them_shows_the_join_code()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Activity, poll)));
        Ok(f.Session.ShowResultsOnScreen(f.Facilitator, poll, false));
        f.Session.TakeChanges();
        var write = SessionDocument.Write(f.Session.State, f.Session.TakeStoredChanges());

        var again = SessionDocument.Read(new StoredSession(1, write.Document, []));
        Assert.Equal(new Screen(ScreenView.Activity, poll), again.Screen);
        Assert.False(again.Polls.Single().OnScreen);
        Assert.Equal(f.Session.State.Polls.Single().OpenedAt, again.Polls.Single().OpenedAt);

        var old = JsonNode.Parse(write.Document)!.AsObject();
        Assert.True(old.Remove("screen"));
        var oldPoll = old["polls"]![0]!.AsObject();
        Assert.True(oldPoll.Remove("resultsOnScreen"));
        Assert.True(oldPoll.Remove("openedAt"));
        var before = SessionDocument.Read(new StoredSession(1, old.ToJsonString(), []));
        Assert.Equal(new Screen(ScreenView.Join), before.Screen);
        Assert.True(before.Polls.Single().OnScreen);
        Assert.Null(before.Polls.Single().OpenedAt);
    }

    /// <summary>A clock that moves only when told: times are asserted exactly, nothing sleeps.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
