using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Replies, announcements, the archive and the pause on new questions.</summary>
public sealed class RepliesAndArchiveTests
{
    [Fact]
    public void A_reply_reaches_everyone_who_sees_the_question_and_its_author_personally()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice, "Qui paie les serveurs ?");
        f.Session.TakeChanges();
        Ok(f.Session.ReplyToQuestion(f.Moderator(), new ReplyRequest(id, "  La région, pour cette année.  ")));
        var changes = f.Session.TakeChanges()!;

        foreach (var group in new[] { Audience.Participants, Audience.Projector, Audience.Staff })
        {
            var updated = Assert.IsType<QuestionUpdated>(Assert.Single(changes.For(group).Events, e => e is QuestionUpdated));
            Assert.Equal("La région, pour cette année.", updated.Question.Reply);
            Assert.NotNull(updated.Question.RepliedAt);
        }
        var (author, personal) = Assert.Single(changes.Personal());
        Assert.Equal(f.Alice, author);
        var replied = Assert.IsType<QuestionReplied>(Assert.Single(personal.Events));
        Assert.Equal((id, "La région, pour cette année."), (replied.QuestionId, replied.Reply));
        Assert.Equal("La région, pour cette année.", f.Question(id, f.Bob).Reply);
    }

    [Fact]
    public void Replies_are_refused_to_participants_for_blank_or_oversize_texts_and_unknown_questions()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice);
        f.Session.TakeChanges();
        Refused(f.Session.ReplyToQuestion(f.Bob, new ReplyRequest(id, "Moi je sais")), RefusalCodes.Forbidden);
        Refused(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "   ")), RefusalCodes.Invalid);
        Refused(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, new string('a', 501))), RefusalCodes.Invalid);
        Refused(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "bad\u0001text")), RefusalCodes.Invalid);
        Refused(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest("q99", "Oui")), RefusalCodes.NotFound);
        Ok(f.Moderate(f.Facilitator, ModerationAction.Hide, id));
        Refused(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "Oui")), RefusalCodes.Invalid);
        f.Session.TakeChanges();
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "Oui")), RefusalCodes.Closed);
        Assert.Null(f.Question(id, f.Facilitator).Reply);
    }

    [Fact]
    public void The_same_reply_twice_changes_nothing_and_a_cleared_reply_disappears()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice);
        Ok(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "Oui")));
        f.Session.TakeChanges();
        var revision = f.Session.Revision;
        Ok(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "Oui")));
        Assert.Equal(revision, f.Session.Revision);
        Ok(f.Session.ClearReply(f.Facilitator, id));
        Assert.Null(Assert.IsType<QuestionUpdated>(Assert.Single(f.EventsFor(Audience.Participants))).Question.Reply);
        Assert.Null(f.Question(id, f.Bob).Reply);
    }

    [Fact]
    public void An_announcement_reaches_every_screen_replaces_the_previous_one_and_goes_when_dismissed()
    {
        var f = new SessionFixture();
        var moderator = f.Moderator();
        f.Session.TakeChanges();
        var first = Ok(f.Session.Announce(moderator, new AnnounceRequest("Pause café dans 5 minutes")));
        Assert.Equal(first, f.Session.State.Announcement);
        var changes = f.Session.TakeChanges()!;
        foreach (var group in new[] { Audience.Participants, Audience.Projector, Audience.Staff })
        {
            Assert.Equal(first, Assert.IsType<Announced>(Assert.Single(changes.For(group).Events)).Announcement);
        }
        Assert.Equal(first, Ok(f.Session.Snapshot(f.Bob)).Announcement);

        var second = Ok(f.Session.Announce(f.Facilitator, new AnnounceRequest("On reprend !")));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second, Ok(f.Session.Snapshot(f.Chloe)).Announcement);
        f.Session.TakeChanges();

        Ok(f.Session.DismissAnnouncement(moderator));
        Assert.Equal(second.Id, Assert.IsType<AnnouncementDismissed>(Assert.Single(f.EventsFor(Audience.Participants))).Id);
        Assert.Null(Ok(f.Session.Snapshot(f.Bob)).Announcement);
        var revision = f.Session.Revision;
        Ok(f.Session.DismissAnnouncement(moderator));
        Assert.Equal(revision, f.Session.Revision);

        var report = Ok(f.Session.Report(f.Created.FacilitatorKey));
        Assert.Equal(["Pause café dans 5 minutes", "On reprend !"], report.Announcements!.Select(a => a.Text));
        Assert.All(report.Announcements!, a => Assert.NotNull(a.DismissedAt));
    }

    [Fact]
    public void Announcements_are_refused_to_participants_and_for_bad_texts()
    {
        var f = new SessionFixture();
        Refused(f.Session.Announce(f.Alice, new AnnounceRequest("Je prends la parole")), RefusalCodes.Forbidden);
        Refused(f.Session.DismissAnnouncement(f.Alice), RefusalCodes.Forbidden);
        Refused(f.Session.Announce(f.Facilitator, new AnnounceRequest(" ")), RefusalCodes.Invalid);
        Refused(f.Session.Announce(f.Facilitator, new AnnounceRequest(new string('a', 281))), RefusalCodes.Invalid);
        Assert.Null(f.EventsFor(Audience.Staff).FirstOrDefault());
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.Announce(f.Facilitator, new AnnounceRequest("Merci")), RefusalCodes.Closed);
    }

    [Fact]
    public void Restoring_an_answered_or_hidden_question_makes_it_visible_to_everyone_again()
    {
        var f = new SessionFixture();
        var answered = f.Ask(f.Alice, "Déjà répondue ?");
        var hidden = f.Ask(f.Chloe, "Cachée ?");
        Ok(f.Moderate(f.Facilitator, ModerationAction.MarkAnswered, answered));
        Ok(f.Moderate(f.Facilitator, ModerationAction.Hide, hidden));
        f.Session.TakeChanges();
        Assert.Contains(f.Questions(f.Facilitator), q => q.Id == hidden && q.Status == QuestionStatus.Hidden);

        var moderator = f.Moderator();
        Ok(f.Session.RestoreQuestion(moderator, answered));
        Ok(f.Session.RestoreQuestion(moderator, hidden));
        var events = f.EventsFor(Audience.Participants);
        Assert.Equal(QuestionStatus.Visible, Assert.IsType<QuestionUpdated>(Assert.Single(events, e => e is QuestionUpdated)).Question.Status);
        Assert.Equal(hidden, Assert.IsType<QuestionAsked>(Assert.Single(events, e => e is QuestionAsked)).Question.Id);
        Assert.All(f.Questions(f.Bob).Where(q => q.Id == answered || q.Id == hidden), q => Assert.Equal(QuestionStatus.Visible, q.Status));
        Ok(f.Session.Upvote(f.Bob, hidden));
    }

    [Fact]
    public void Restore_is_refused_to_participants_for_unknown_questions_and_for_questions_outside_the_archive()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetModeration(f.Facilitator, new ModerationSettings(true)));
        var pending = f.Ask(f.Alice);
        var withdrawn = f.Ask(f.Bob);
        Ok(f.Session.WithdrawQuestion(f.Bob, withdrawn));
        var visible = f.Ask(f.Facilitator);
        f.Session.TakeChanges();
        Refused(f.Session.RestoreQuestion(f.Alice, visible), RefusalCodes.Forbidden);
        Refused(f.Session.RestoreQuestion(f.Facilitator, "q99"), RefusalCodes.NotFound);
        Refused(f.Session.RestoreQuestion(f.Facilitator, withdrawn), RefusalCodes.NotFound);
        Refused(f.Session.RestoreQuestion(f.Facilitator, pending), RefusalCodes.Invalid);
        Ok(f.Session.RestoreQuestion(f.Facilitator, visible));
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void While_questions_are_paused_asking_is_refused_and_upvoting_goes_on()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice);
        f.Session.TakeChanges();
        Refused(f.Session.PauseQuestions(f.Bob, new PauseQuestionsRequest(true)), RefusalCodes.Forbidden);
        Refused(f.Session.PauseQuestions(f.Facilitator, new PauseQuestionsRequest(null)), RefusalCodes.Invalid);
        Ok(f.Session.PauseQuestions(f.Moderator(), new PauseQuestionsRequest(true)));
        Assert.True(Assert.IsType<QuestionsPausedChanged>(Assert.Single(f.EventsFor(Audience.Participants))).Paused);
        Assert.True(Ok(f.Session.Snapshot(f.Chloe)).QuestionsPaused);

        var asked = f.Session.State.QuestionsAsked;
        Refused(f.Session.Ask(f.Bob, new AskQuestionRequest("Encore une ?")), RefusalCodes.Paused);
        Assert.Equal(asked, f.Session.State.QuestionsAsked);
        Ok(f.Session.Upvote(f.Bob, id));
        Assert.Equal(1, f.Question(id, f.Chloe).Votes);
        f.Ask(f.Facilitator, "Les organisateurs peuvent encore poser une question");

        Ok(f.Session.PauseQuestions(f.Facilitator, new PauseQuestionsRequest(false)));
        f.Ask(f.Bob, "Encore une ?");
        Assert.False(Ok(f.Session.Snapshot(f.Chloe)).QuestionsPaused);
    }

    [Fact]
    public void The_report_counts_replies_and_carries_them()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice, "Qui paie ?");
        f.Ask(f.Bob, "Et après ?");
        Ok(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "La région")));
        var report = Ok(f.Session.Report(f.Created.FacilitatorKey));
        Assert.Equal(1, report.Questions.Replied);
        Assert.Equal("La région", report.Questions.Questions.Single(q => q.Id == id).Reply);
    }
}
