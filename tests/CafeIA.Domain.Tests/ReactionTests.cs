using System.Text.Json.Nodes;
using CafeIA.Storage;
using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Live reactions: the setting, the one rule gateways and the session share, and the counts per minute for the report.</summary>
public sealed class ReactionTests
{
    private static readonly string[] Default = ["👏", "❤️", "😂", "🤔", "👍"];

    private static ReactionTally Tally(params (string Kind, int Onsite, int Remote)[] counts) =>
        new([.. counts.Select(c => new ReactionCount(c.Kind, c.Onsite, c.Remote))]);

    [Fact]
    public void A_new_session_takes_the_default_kinds_and_every_role_sees_the_setting()
    {
        var f = new SessionFixture();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        foreach (var who in new[] { f.Facilitator, f.Alice, projector })
        {
            var reactions = Ok(f.Session.Snapshot(who)).Reactions!;
            Assert.True(reactions.Enabled);
            Assert.Equal(Default, reactions.Kinds);
        }
        Assert.Null(f.Session.RefuseReaction(f.Alice, "👏"));
        Assert.Null(f.Session.RefuseReaction(f.Facilitator, "❤️"));
    }

    [Fact]
    public void An_unknown_kind_is_invalid_switched_off_is_closed_an_ended_session_is_closed_and_the_projector_is_forbidden()
    {
        var f = new SessionFixture();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        Assert.Equal(RefusalCodes.Invalid, f.Session.RefuseReaction(f.Alice, "🍕")?.Code);
        Assert.Equal(RefusalCodes.Invalid, f.Session.RefuseReaction(f.Alice, null)?.Code);
        Assert.Equal(RefusalCodes.Invalid, f.Session.RefuseReaction(f.Alice, "❤")?.Code); // without its variation selector: another string
        Assert.Equal(RefusalCodes.Forbidden, f.Session.RefuseReaction(projector, "👏")?.Code);
        Assert.Equal(RefusalCodes.Forbidden, f.Session.RefuseReaction("nobody", "👏")?.Code);

        Ok(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(false)));
        Assert.Equal(RefusalCodes.Closed, f.Session.RefuseReaction(f.Alice, "👏")?.Code);
        Assert.Null(f.Session.AddReactions(Tally(("👏", 3, 1))));

        Ok(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(true)));
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Assert.Equal(RefusalCodes.Closed, f.Session.RefuseReaction(f.Alice, "👏")?.Code);
        Assert.Null(f.Session.AddReactions(Tally(("👏", 3, 1))));
        Assert.Empty(f.Session.State.ReactionMinutes);
    }

    [Fact]
    public void The_staff_set_reactions_and_everyone_is_told_once()
    {
        var f = new SessionFixture();
        var moderator = f.Moderator();
        f.Session.TakeChanges();
        Ok(f.Session.SetReactions(moderator, new ReactionsRequest(true, ["🎉", " 👏 "])));
        var changes = f.Session.TakeChanges()!;
        foreach (var group in new[] { Audience.Participants, Audience.Staff, Audience.Projector })
        {
            var changed = Assert.IsType<ReactionsChanged>(Assert.Single(changes.For(group).Events));
            Assert.Equal(new Reactions(true, ["🎉", "👏"]), changed.Reactions);
        }
        Assert.Equal(RefusalCodes.Invalid, f.Session.RefuseReaction(f.Alice, "❤️")?.Code);
        Assert.Null(f.Session.RefuseReaction(f.Alice, "🎉"));

        // Off keeps the kinds; the same setting again changes nothing.
        Ok(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(false)));
        Assert.Equal(new Reactions(false, ["🎉", "👏"]), Ok(f.Session.Snapshot(f.Bob)).Reactions);
        f.Session.TakeChanges();
        Ok(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(false, ["🎉", "👏"])));
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void A_participant_cannot_set_reactions_nor_bad_kinds_be_set_and_nothing_changes()
    {
        var f = new SessionFixture();
        Refused(f.Session.SetReactions(f.Alice, new ReactionsRequest(false)), RefusalCodes.Forbidden);
        string?[][] bad =
        [
            [], [" "], ["👏", "👏"], ["a b"], [new string('x', 17)], ["1", "2", "3", "4", "5", "6", "7", "8", "9"], [null], ["\u0007"],
        ];
        foreach (var kinds in bad)
        {
            Refused(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(true, kinds)), RefusalCodes.Invalid);
        }
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(Reactions.Default, Ok(f.Session.Snapshot(f.Alice)).Reactions);
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(false)), RefusalCodes.Closed);
    }

    [Fact]
    public void Tallies_are_counted_per_minute_per_kind_on_site_and_remote_without_an_event_and_kinds_no_longer_taken_are_dropped()
    {
        var clock = new ManualClock();
        var f = new SessionFixture(clock: clock);
        f.Session.TakeCommit();
        var burst = f.Session.AddReactions(Tally(("👏", 3, 1), ("❤️", 0, 2), ("🍕", 5, 5), ("😂", 0, 0)))!;
        Assert.Equal(new Dictionary<string, int> { ["👏"] = 4, ["❤️"] = 2 }, burst.Counts);
        Assert.Equal((3, 3), (burst.Onsite, burst.Remote));
        Assert.Null(f.Session.TakeChanges()); // no event, no seq
        Assert.NotNull(f.Session.TakeCommit()); // written with the next commit

        f.Session.AddReactions(Tally(("👏", 1, 0)));
        clock.Advance(TimeSpan.FromSeconds(61));
        f.Session.AddReactions(Tally(("🤔", 0, 7)));

        var minutes = f.Session.State.ReactionMinutes;
        Assert.Equal([new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 18, 1, 0, TimeSpan.Zero)], minutes.Select(m => m.At));
        Assert.Equal((4, 1), (minutes[0].Counts["👏"].Onsite, minutes[0].Counts["👏"].Remote));
        Assert.Equal((0, 7), (minutes[1].Counts["🤔"].Onsite, minutes[1].Counts["🤔"].Remote));

        var report = Ok(f.Session.Report(f.Created.FacilitatorKey)).Reactions!;
        Assert.Equal((14, 4, 10), (report.Total, report.Onsite, report.Remote));
        Assert.Equal(Default, report.Kinds);
        Assert.Equal([new ReportReactionCount("👏", 5, 4, 1), new ReportReactionCount("❤️", 2, 0, 2), new ReportReactionCount("🤔", 7, 0, 7)], report.ByKind);
        Assert.Equal(2, report.Timeline.Length);
        Assert.Equal([new ReportReactionCount("👏", 5, 4, 1), new ReportReactionCount("❤️", 2, 0, 2)], report.Timeline[0].Counts);
        Assert.Equal([new ReportReactionCount("🤔", 7, 0, 7)], report.Timeline[1].Counts);
    }

    [Fact]
    public void Counts_and_setting_are_stored_and_a_session_stored_before_reactions_has_them_on_with_the_default_kinds()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(false, ["🎉"])));
        Ok(f.Session.SetReactions(f.Facilitator, new ReactionsRequest(true)));
        f.Session.AddReactions(Tally(("🎉", 2, 1)));
        f.Session.TakeChanges();
        var write = SessionDocument.Write(f.Session.State, f.Session.TakeStoredChanges());

        var again = new Session(SessionDocument.Read(new StoredSession(1, write.Document, [])), new SessionLimits(), TimeProvider.System);
        Assert.Equal(new Reactions(true, ["🎉"]), again.ReactionSetting());
        Assert.Equal((2, 1), (again.State.ReactionMinutes.Single().Counts["🎉"].Onsite, again.State.ReactionMinutes.Single().Counts["🎉"].Remote));

        var old = JsonNode.Parse(write.Document)!.AsObject();
        Assert.True(old.Remove("reactionsOff"));
        Assert.True(old.Remove("reactionKinds"));
        Assert.True(old.Remove("reactionMinutes"));
        var before = new Session(SessionDocument.Read(new StoredSession(1, old.ToJsonString(), [])), new SessionLimits(), TimeProvider.System);
        Assert.Equal(Reactions.Default, before.ReactionSetting());
        Assert.Empty(before.State.ReactionMinutes);
        Assert.Equal(0, Ok(before.Report(f.Created.FacilitatorKey)).Reactions!.Total);
    }

    [Fact]
    public void A_session_keeps_at_most_its_limit_of_minutes_dropping_the_oldest()
    {
        var clock = new ManualClock();
        var state = new SessionState();
        var created = Session.Create(state, Guid.NewGuid(), "Café", "ABC234", new SessionLimits(), clock.GetUtcNow()).Value!;
        var session = new Session(state, new SessionLimits { MaxReactionMinutes = 3 }, clock);
        for (var minute = 0; minute < 5; minute++)
        {
            Assert.NotNull(session.AddReactions(Tally(("👍", minute + 1, 0))));
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal([3, 4, 5], state.ReactionMinutes.Select(m => m.Counts["👍"].Onsite));
        Assert.Equal(12, Ok(session.Report(created.FacilitatorKey)).Reactions!.Total);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
