using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class ModerationTests
{
    private static SessionFixture PreModerated()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetModeration(f.Facilitator, new ModerationSettings(true)));
        f.Session.TakeChanges();
        return f;
    }

    [Fact]
    public void With_pre_moderation_a_question_is_pending_and_seen_only_by_its_author_and_the_staff()
    {
        var f = PreModerated();
        var moderator = f.Moderator();
        f.Session.TakeChanges();
        var id = f.Ask(f.Alice, "Question sensible ?");
        var changes = f.Session.TakeChanges()!;

        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Empty(changes.For(Audience.Projector).Events);
        var staff = Assert.IsType<QuestionAsked>(Assert.Single(changes.For(Audience.Staff).Events));
        Assert.Equal(QuestionStatus.Pending, staff.Question.Status);
        Assert.Equal(f.Alice, staff.Question.AuthorId);
        var (author, personal) = Assert.Single(changes.Personal());
        Assert.Equal(f.Alice, author);
        Assert.Equal(QuestionStatus.Pending, Assert.IsType<QuestionUpdated>(Assert.Single(personal.Events)).Question.Status);

        Assert.DoesNotContain(f.Questions(f.Bob), q => q.Id == id);
        Assert.Equal(QuestionStatus.Pending, f.Questions(f.Alice).Single(q => q.Id == id).Status);
        Assert.Equal(QuestionStatus.Pending, f.Questions(moderator).Single(q => q.Id == id).Status);
        Refused(f.Session.Upvote(f.Bob, id), RefusalCodes.NotFound);
    }

    [Fact]
    public void An_approved_question_reaches_every_participant()
    {
        var f = PreModerated();
        var moderator = f.Moderator();
        var id = f.Ask(f.Alice);
        f.Session.TakeChanges();
        Ok(f.Moderate(moderator, ModerationAction.Approve, id));
        var asked = Assert.IsType<QuestionAsked>(Assert.Single(f.EventsFor(Audience.Participants)));
        Assert.Equal(QuestionStatus.Visible, asked.Question.Status);
        Assert.Null(asked.Question.AuthorId);
        Assert.Contains(f.Questions(f.Bob), q => q.Id == id);
    }

    [Fact]
    public void Staff_questions_skip_pre_moderation()
    {
        var f = PreModerated();
        var id = f.Ask(f.Facilitator);
        Assert.Equal(QuestionStatus.Visible, f.Questions(f.Bob).Single(q => q.Id == id).Status);
    }

    [Fact]
    public void A_rejection_reason_is_shown_to_the_author_only()
    {
        var f = PreModerated();
        var id = f.Ask(f.Alice);
        f.Session.TakeChanges();
        Ok(f.Moderate(f.Facilitator, ModerationAction.Reject, id, reason: "Hors sujet"));
        var changes = f.Session.TakeChanges()!;
        Assert.Empty(changes.For(Audience.Participants).Events);
        var personal = Assert.Single(changes.Personal()).Batch;
        Assert.Equal("Hors sujet", Assert.IsType<QuestionUpdated>(Assert.Single(personal.Events)).Question.RejectReason);
        Assert.Equal(QuestionStatus.Rejected, f.Questions(f.Alice).Single(q => q.Id == id).Status);
        Assert.DoesNotContain(f.Questions(f.Bob), q => q.Id == id);
    }

    [Fact]
    public void One_question_is_pinned_at_a_time()
    {
        var f = new SessionFixture();
        var first = f.Ask(f.Alice, "Première");
        var second = f.Ask(f.Bob, "Seconde");
        Ok(f.Moderate(f.Facilitator, ModerationAction.Pin, first));
        Ok(f.Moderate(f.Facilitator, ModerationAction.Pin, second));
        var seen = f.Questions(f.Chloe);
        Assert.Equal(QuestionStatus.Visible, seen.Single(q => q.Id == first).Status);
        Assert.Equal(QuestionStatus.Pinned, seen.Single(q => q.Id == second).Status);
        Ok(f.Moderate(f.Facilitator, ModerationAction.Unpin, second));
        Assert.DoesNotContain(f.Questions(f.Chloe), q => q.Status == QuestionStatus.Pinned);
    }

    [Fact]
    public void Answered_questions_stay_visible_and_hidden_ones_disappear_for_participants()
    {
        var f = new SessionFixture();
        var answered = f.Ask(f.Alice, "Répondue");
        var hidden = f.Ask(f.Bob, "Insultante");
        f.Session.TakeChanges();
        Ok(f.Moderate(f.Facilitator, ModerationAction.MarkAnswered, answered));
        Ok(f.Moderate(f.Facilitator, ModerationAction.Hide, hidden));
        var seen = f.Questions(f.Chloe);
        Assert.Equal(QuestionStatus.Answered, seen.Single(q => q.Id == answered).Status);
        Assert.DoesNotContain(seen, q => q.Id == hidden);
        Assert.Equal(QuestionStatus.Hidden, f.Questions(f.Facilitator).Single(q => q.Id == hidden).Status);
        Refused(f.Session.Upvote(f.Chloe, hidden), RefusalCodes.NotFound);
    }

    [Fact]
    public void An_edited_question_shows_its_new_text_and_that_it_was_edited()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice, "Qeustion avec fote");
        f.Session.TakeChanges();
        Ok(f.Moderate(f.Facilitator, ModerationAction.Edit, id, text: "Question avec faute"));
        var updated = Assert.IsType<QuestionUpdated>(Assert.Single(f.EventsFor(Audience.Participants)));
        Assert.Equal(("Question avec faute", true), (updated.Question.Text, updated.Question.Edited));
        var mine = f.Questions(f.Alice).Single(q => q.Id == id);
        Assert.True(mine.Edited && mine.Mine == true);
        Refused(f.Moderate(f.Facilitator, ModerationAction.Edit, id, text: " "), RefusalCodes.Invalid);
    }

    [Fact]
    public void Merging_keeps_one_upvote_per_participant()
    {
        var f = new SessionFixture();
        var original = f.Ask(f.Alice, "Qui paie ?");
        var duplicate = f.Ask(f.Bob, "Qui finance ?");
        Ok(f.Session.Upvote(f.Chloe, original));
        Ok(f.Session.Upvote(f.Chloe, duplicate));
        Ok(f.Session.Upvote(f.Alice, duplicate));
        f.Session.TakeChanges();

        Ok(f.Moderate(f.Facilitator, ModerationAction.Merge, duplicate, into: original));

        var seen = f.Questions(f.Chloe);
        Assert.DoesNotContain(seen, q => q.Id == duplicate);
        var merged = seen.Single(q => q.Id == original);
        Assert.Equal(2, merged.Votes);
        Assert.True(merged.Upvoted);
        var events = f.EventsFor(Audience.Participants);
        Assert.Contains(new QuestionRemoved(duplicate, QuestionStatus.Merged, original), events);
        Assert.Contains(new QuestionVotesChanged(original, 2), events);
        Refused(f.Moderate(f.Facilitator, ModerationAction.Merge, original, into: original), RefusalCodes.Invalid);
    }

    [Fact]
    public void Participants_and_revoked_moderators_cannot_moderate()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice);
        var moderator = f.Moderator();
        foreach (var action in Enum.GetValues<ModerationAction>())
        {
            Refused(f.Moderate(f.Bob, action, id, text: "x", into: id), RefusalCodes.Forbidden);
        }
        Refused(f.Session.SetMuted(f.Bob, f.Alice, true), RefusalCodes.Forbidden);
        Ok(f.Session.RevokeModeratorLink(f.Facilitator, "m1"));
        foreach (var action in Enum.GetValues<ModerationAction>())
        {
            Refused(f.Moderate(moderator, action, id, text: "x", into: id), RefusalCodes.Forbidden);
        }
        Refused(f.Session.SetMuted(moderator, f.Alice, true), RefusalCodes.Forbidden);
        Refused(f.Session.CallSpeaker(moderator, null), RefusalCodes.Forbidden);
        Assert.Equal(QuestionStatus.Visible, f.Questions(f.Bob).Single(q => q.Id == id).Status);
    }

    [Fact]
    public void Invalid_transitions_are_refused()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice);
        Refused(f.Moderate(f.Facilitator, ModerationAction.Reject, id), RefusalCodes.Invalid);
        Ok(f.Moderate(f.Facilitator, ModerationAction.Hide, id));
        Refused(f.Moderate(f.Facilitator, ModerationAction.MarkAnswered, id), RefusalCodes.Invalid);
        Refused(f.Moderate(f.Facilitator, ModerationAction.Unpin, id), RefusalCodes.Invalid);
        Refused(f.Moderate(f.Facilitator, ModerationAction.Approve, "q404"), RefusalCodes.NotFound);
    }

    [Fact]
    public void A_muted_participant_cannot_ask_until_unmuted_but_still_votes()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll();
        Ok(f.Session.SetMuted(f.Facilitator, f.Alice, true));
        var changes = f.Session.TakeChanges()!;
        Assert.Equal(new ParticipantMuted(f.Alice, true), Assert.Single(changes.For(Audience.Staff).Events));
        Assert.Empty(changes.For(Audience.Participants).Events);
        var me = Assert.IsType<MeChanged>(Assert.Single(Assert.Single(changes.Personal()).Batch.Events));
        Assert.True(me.Me.Muted);
        Assert.Equal([f.Alice], Ok(f.Session.Snapshot(f.Facilitator)).MutedParticipants!);
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest("Encore moi")), RefusalCodes.Muted);
        Refused(f.Session.SetHand(f.Alice, true), RefusalCodes.Muted);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Ok(f.Session.SetMuted(f.Facilitator, f.Alice, false));
        Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("Me revoilà")));
    }

    [Fact]
    public void Staff_cannot_be_muted()
    {
        var f = new SessionFixture();
        Refused(f.Session.SetMuted(f.Facilitator, f.Moderator(), true), RefusalCodes.Invalid);
    }
}
