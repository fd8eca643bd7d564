using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>The kiosk: a shared device where each person's turn is one anonymous on-site ballot.</summary>
public sealed class KioskTests
{
    private static (SessionFixture F, KioskLinkView Link, string Kiosk) WithKiosk(string? label = "Entrée")
    {
        var f = new SessionFixture();
        var link = Ok(f.Session.CreateKioskLink(f.Facilitator, f.Created.FacilitatorKey, label));
        var joined = f.Join(new JoinOptions("ignored", ParticipantMode.Remote, Key: link.Key));
        Assert.Equal(Role.Kiosk, joined.Role);
        return (f, link, joined.ParticipantId);
    }

    [Fact]
    public void Three_turns_are_three_on_site_ballots_and_undo_removes_the_last()
    {
        var (f, _, kiosk) = WithKiosk();
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, [2])));
        Ok(f.Session.KioskVote(kiosk, new VoteRequest(poll, [0])));
        Ok(f.Session.KioskVote(kiosk, new VoteRequest(poll, [0])));
        Ok(f.Session.KioskVote(kiosk, new VoteRequest(poll, [1])));

        var results = f.Poll(poll, f.Facilitator).Results!;
        Assert.Equal([2, 1, 0], results.Onsite);
        Assert.Equal((4, 3, 1), (results.Voters, results.VotersOnsite, results.VotersRemote));

        Assert.Equal(poll, Ok(f.Session.UndoKioskTurn(kiosk, null)).PollId);
        results = f.Poll(poll, f.Facilitator).Results!;
        Assert.Equal([2, 0, 0], results.Onsite);
        Assert.Equal(2, results.VotersOnsite);
        Assert.Equal(["k1-1", "k1-2", f.Chloe], f.Session.State.Polls.Single().Ballots.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_staff_undo_a_kiosks_turns_by_its_link_until_none_is_left()
    {
        var (f, link, kiosk) = WithKiosk();
        var poll = f.NewPoll();
        Ok(f.Session.KioskVote(kiosk, new VoteRequest(poll, [0])));
        Refused(f.Session.UndoKioskTurn(f.Alice, link.Id), RefusalCodes.Forbidden);
        Ok(f.Session.UndoKioskTurn(f.Moderator(), link.Id));
        Refused(f.Session.UndoKioskTurn(f.Facilitator, link.Id), RefusalCodes.NotFound);
        Refused(f.Session.UndoKioskTurn(kiosk, null), RefusalCodes.NotFound);
        Assert.Equal(0, f.Poll(poll, f.Facilitator).Results!.Voters);
    }

    [Fact]
    public void A_kiosk_sees_what_a_participant_sees_and_takes_no_part_as_one_person()
    {
        var (f, _, kiosk) = WithKiosk();
        var poll = f.NewPoll();
        var snapshot = Ok(f.Session.Snapshot(kiosk));
        Assert.Null(snapshot.KioskLinks);
        Assert.Null(snapshot.ModeratorLinks);
        Assert.Equal(ParticipantMode.Onsite, snapshot.Me!.Mode);
        Assert.Null(snapshot.Me.DisplayName);
        Refused(f.Session.Vote(kiosk, new VoteRequest(poll, [0])), RefusalCodes.Forbidden);
        Refused(f.Session.Ask(kiosk, new AskQuestionRequest("Une question ?")), RefusalCodes.Forbidden);
        Refused(f.Session.KioskVote(f.Alice, new VoteRequest(poll, [0])), RefusalCodes.Forbidden);
        Refused(f.Session.KioskVote(f.Facilitator, new VoteRequest(poll, [0])), RefusalCodes.Forbidden);
        // The attendance counts people, not the kiosk.
        Assert.Equal(new Counts(2, 1), snapshot.Counts);
    }

    [Fact]
    public void A_kiosk_refuses_quizzes_and_typed_answers_and_bad_ballots()
    {
        var (f, _, kiosk) = WithKiosk();
        var cloud = f.NewPoll(PollKind.WordCloud);
        Refused(f.Session.KioskVote(kiosk, new VoteRequest(cloud, Words: ["mot"])), RefusalCodes.Invalid);
        var poll = f.NewPoll();
        Refused(f.Session.KioskVote(kiosk, new VoteRequest(poll, [7])), RefusalCodes.Invalid);
        var draft = f.NewPoll(open: false);
        Refused(f.Session.KioskVote(kiosk, new VoteRequest(draft, [0])), RefusalCodes.NotFound);
        Assert.All(f.Session.State.Polls, p => Assert.Empty(p.Ballots));
    }

    [Fact]
    public void A_revoked_kiosk_key_no_longer_joins_its_kiosk_is_revoked_and_its_ballots_stay_in_the_report()
    {
        var (f, link, kiosk) = WithKiosk();
        var poll = f.NewPoll();
        Ok(f.Session.KioskVote(kiosk, new VoteRequest(poll, [1])));
        f.Session.TakeChanges();
        Ok(f.Session.RevokeKioskLink(f.Facilitator, link.Id));
        Assert.Contains(f.Session.TakeChanges()!.Personal(), p => p.ParticipantId == kiosk && p.Batch.Events.OfType<RoleRevoked>().Any());
        Refused(f.Session.Join(new JoinOptions(Key: link.Key)), RefusalCodes.Forbidden);
        Refused(f.Session.KioskVote(kiosk, new VoteRequest(poll, [1])), RefusalCodes.Forbidden);
        Assert.Empty(Ok(f.Session.Snapshot(f.Facilitator)).KioskLinks!);

        var report = Ok(f.Session.Report(f.Created.FacilitatorKey));
        Assert.Equal(("k1", "Entrée", 1), Assert.Single(report.Kiosks!) is var k ? (k.Id, k.Label, k.Ballots) : default);
    }

    [Fact]
    public void Only_the_facilitator_creates_or_revokes_kiosk_links_and_their_keys_come_back_with_the_facilitator_key()
    {
        var f = new SessionFixture();
        Refused(f.Session.CreateKioskLink(f.Moderator(), f.Created.FacilitatorKey, null), RefusalCodes.Forbidden);
        Refused(f.Session.CreateKioskLink(f.Facilitator, "wrong", null), RefusalCodes.Forbidden);
        var link = Ok(f.Session.CreateKioskLink(f.Facilitator, f.Created.FacilitatorKey, null));
        Refused(f.Session.RevokeKioskLink(f.Alice, link.Id), RefusalCodes.Forbidden);
        var again = f.Join(new JoinOptions(Key: f.Created.FacilitatorKey)).StaffKeys!;
        Assert.Equal(link.Key, Assert.Single(again.KioskLinks!).Key);
        Assert.Null(Assert.Single(Ok(f.Session.Snapshot(f.Facilitator)).KioskLinks!).Key);
    }
}
