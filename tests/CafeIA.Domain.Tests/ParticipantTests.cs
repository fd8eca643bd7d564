using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class ParticipantTests
{
    [Fact]
    public void Attendees_are_counted_on_site_and_remote_while_connected()
    {
        var f = new SessionFixture();
        Assert.Equal(new Counts(2, 1), f.Session.Counts());
        f.Session.Disconnected(f.Chloe);
        Assert.Equal(new Counts(2, 0), f.Session.Counts());
        var change = f.Session.TakeChanges();
        Assert.Contains(new CountsChanged(new Counts(2, 0)), change!.For(Audience.Staff).Events);
        Assert.Contains(new CountsChanged(new Counts(2, 0)), change.For(Audience.Projector).Events);
    }

    [Fact]
    public void The_phones_are_not_sent_the_attendance_so_a_join_wave_costs_them_nothing()
    {
        var f = new SessionFixture();
        f.Session.TakeChanges();
        f.Join(new JoinOptions("Dora", ParticipantMode.Onsite));
        var change = f.Session.TakeChanges();
        Assert.Contains(new CountsChanged(new Counts(3, 1)), change!.For(Audience.Staff).Events);
        Assert.DoesNotContain(change.For(Audience.Participants).Events, e => e is CountsChanged);
    }

    [Fact]
    public void Staff_are_not_counted_as_attendees()
    {
        var f = new SessionFixture();
        f.Join(new JoinOptions(Key: f.Created.ProjectorKey));
        f.Join(new JoinOptions(Key: f.Created.ModeratorKey));
        Assert.Equal(new Counts(2, 1), f.Session.Counts());
    }

    [Fact]
    public void The_display_name_is_optional()
    {
        var f = new SessionFixture();
        var joined = f.Join(new JoinOptions(null, ParticipantMode.Remote));
        Assert.Null(joined.Snapshot.Me!.DisplayName);
        Assert.Equal(Role.Participant, joined.Role);
    }

    [Fact]
    public void A_too_long_display_name_is_invalid_and_adds_nobody()
    {
        var f = new SessionFixture();
        var count = f.Session.State.Participants.Count;
        Refused(f.Session.Join(new JoinOptions(new string('x', 41))), RefusalCodes.Invalid);
        Assert.Equal(count, f.Session.State.Participants.Count);
    }

    [Fact]
    public void Keys_give_their_roles_and_a_wrong_key_is_forbidden()
    {
        var f = new SessionFixture();
        Assert.Equal(Role.Facilitator, f.Join(new JoinOptions(Key: f.Created.FacilitatorKey)).Role);
        Assert.Equal(Role.Moderator, f.Join(new JoinOptions(Key: f.Created.ModeratorKey)).Role);
        Assert.Equal(Role.Projector, f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).Role);
        Refused(f.Session.Join(new JoinOptions(Key: "not-the-key")), RefusalCodes.Forbidden);
    }

    [Fact]
    public void Only_the_facilitator_join_returns_the_staff_keys()
    {
        var f = new SessionFixture();
        var facilitator = f.Join(new JoinOptions(Key: f.Created.FacilitatorKey));
        Assert.Equal(f.Created.ProjectorKey, facilitator.StaffKeys!.ProjectorKey);
        Assert.Equal(f.Created.ModeratorKey, Assert.Single(facilitator.StaffKeys.ModeratorLinks).Key);
        Assert.Null(f.Join(new JoinOptions(Key: f.Created.ModeratorKey)).StaffKeys);
        Assert.Null(f.Join(new JoinOptions("Eve")).StaffKeys);
    }

    [Fact]
    public void Keys_are_stored_only_as_hashes()
    {
        var f = new SessionFixture();
        var stored = System.Text.Json.JsonSerializer.Serialize(f.Session.State);
        Assert.DoesNotContain(f.Created.FacilitatorKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Created.ModeratorKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(f.AliceToken.Split('.')[1], stored, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resume_token_gives_back_the_same_participant_with_upvotes_and_ballots()
    {
        var f = new SessionFixture();
        var question = Ok(f.Session.Ask(f.Bob, new AskQuestionRequest("Et les données ?"))).QuestionId;
        Ok(f.Session.Upvote(f.Alice, question));
        var poll = f.NewPoll();
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [2])));
        f.Session.Disconnected(f.Alice);

        var back = f.Join(new JoinOptions(null, ParticipantMode.Remote, f.AliceToken));

        Assert.Equal(f.Alice, back.ParticipantId);
        Assert.Equal("Alice", back.Snapshot.Me!.DisplayName);
        Assert.Equal(ParticipantMode.Onsite, back.Snapshot.Me.Mode);
        Assert.True(back.Snapshot.Questions.Single(q => q.Id == question).Upvoted);
        Assert.Equal([2], back.Snapshot.Polls.Single(p => p.Id == poll).MyChoices!);
    }

    [Fact]
    public void A_forged_resume_token_gives_a_new_participant()
    {
        var f = new SessionFixture();
        foreach (var token in new[] { "garbage", "u123.forged", $"{f.Alice}.forged", $"{f.Alice}." })
        {
            Assert.NotEqual(f.Alice, f.Join(new JoinOptions(ResumeToken: token)).ParticipantId);
        }
    }

    [Fact]
    public void A_participant_token_does_not_resume_into_a_staff_role()
    {
        var f = new SessionFixture();
        var staff = f.Join(new JoinOptions(ResumeToken: f.AliceToken, Key: f.Created.ModeratorKey));
        Assert.NotEqual(f.Alice, staff.ParticipantId);
        Assert.Equal(Role.Moderator, staff.Role);
    }
}
