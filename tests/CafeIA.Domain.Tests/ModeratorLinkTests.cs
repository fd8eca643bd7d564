using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class ModeratorLinkTests
{
    [Fact]
    public void The_facilitator_creates_links_that_open_the_moderator_role()
    {
        var f = new SessionFixture();
        var link = Ok(f.Session.CreateModeratorLink(f.Facilitator, f.Created.FacilitatorKey, "Bénévole"));
        Assert.Equal("Bénévole", link.Label);
        Assert.Equal(Role.Moderator, f.Join(new JoinOptions(Key: link.Key)).Role);
        var staffEvent = Assert.IsType<ModeratorLinksChanged>(Assert.Single(f.EventsFor(Audience.Staff)));
        Assert.All(staffEvent.Links, l => Assert.Null(l.Key));
        Assert.Equal(2, staffEvent.Links.Length);
    }

    [Fact]
    public void Creating_a_link_needs_the_facilitator_and_their_key()
    {
        var f = new SessionFixture();
        Refused(f.Session.CreateModeratorLink(f.Alice, f.Created.FacilitatorKey, null), RefusalCodes.Forbidden);
        Refused(f.Session.CreateModeratorLink(f.Facilitator, "wrong", null), RefusalCodes.Forbidden);
        Refused(f.Session.CreateModeratorLink(f.Moderator(), f.Created.FacilitatorKey, null), RefusalCodes.Forbidden);
    }

    [Fact]
    public void A_revoked_link_no_longer_joins_and_its_holders_are_told_and_lose_the_role()
    {
        var f = new SessionFixture();
        var holder = f.Join(new JoinOptions(Key: f.Created.ModeratorKey));
        f.Session.TakeChanges();

        Ok(f.Session.RevokeModeratorLink(f.Facilitator, "m1"));

        var changes = f.Session.TakeChanges()!;
        var (who, batch) = Assert.Single(changes.Personal());
        Assert.Equal(holder.ParticipantId, who);
        Assert.IsType<RoleRevoked>(Assert.Single(batch.Events));
        Refused(f.Session.Join(new JoinOptions(Key: f.Created.ModeratorKey)), RefusalCodes.Forbidden);
        Refused(f.Session.Snapshot(holder.ParticipantId), RefusalCodes.Forbidden);
        Refused(f.Session.RevokeModeratorLink(f.Facilitator, "m1"), RefusalCodes.NotFound);
        Assert.NotEqual(holder.ParticipantId, f.Join(new JoinOptions(ResumeToken: holder.ResumeToken)).ParticipantId);
    }

    [Fact]
    public void A_join_whose_link_is_revoked_before_its_answer_is_made_is_refused()
    {
        // The grain admits a join, then makes its answer when the batch holding it is taken; a
        // revocation in between (a command of the same batch) leaves nothing to answer with.
        var f = new SessionFixture();
        var admitted = Ok(f.Session.Admit(new JoinOptions(Key: f.Created.ModeratorKey)));
        Ok(f.Session.RevokeModeratorLink(f.Facilitator, "m1"));
        Refused(f.Session.Answer(admitted), RefusalCodes.Forbidden);
    }

    [Fact]
    public void A_join_is_answered_from_the_session_as_it_stands_when_the_answer_is_made()
    {
        var f = new SessionFixture();
        var admitted = Ok(f.Session.Admit(new JoinOptions("Dora")));
        var remoteAtAdmission = Ok(f.Session.Snapshot(admitted.ParticipantId)).Counts.Remote;
        f.Join(new JoinOptions("Eve", ParticipantMode.Remote));
        var answer = Ok(f.Session.Answer(admitted));
        Assert.Equal("Dora", answer.Snapshot.Me!.DisplayName);
        // Eve's join, made after Dora's admission, is in Dora's snapshot.
        Assert.Equal(remoteAtAdmission + 1, answer.Snapshot.Counts.Remote);
        Assert.Equal(admitted.ResumeToken, answer.ResumeToken);
    }

    [Fact]
    public void The_facilitator_join_lists_every_active_link_with_its_key()
    {
        var f = new SessionFixture();
        var second = Ok(f.Session.CreateModeratorLink(f.Facilitator, f.Created.FacilitatorKey, "Deux"));
        Ok(f.Session.RevokeModeratorLink(f.Facilitator, "m1"));
        var keys = f.Join(new JoinOptions(Key: f.Created.FacilitatorKey)).StaffKeys!;
        var link = Assert.Single(keys.ModeratorLinks);
        Assert.Equal((second.Id, second.Key), (link.Id, link.Key));
    }
}
