using CafeIA.Storage;
using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>The profanity filter's modes on questions, answers, words and the staff's own texts.</summary>
public sealed class ProfanityModeTests
{
    private static SessionFixture With(ProfanityMode mode)
    {
        var f = new SessionFixture();
        Ok(f.Session.SetProfanityFilter(f.Facilitator, new ProfanityFilterRequest(mode)));
        f.Session.TakeChanges();
        return f;
    }

    [Fact]
    public void New_sessions_and_sessions_stored_before_the_filter_existed_review()
    {
        var f = new SessionFixture();
        Assert.Equal(ProfanityMode.Review, Ok(f.Session.Snapshot(f.Bob)).ProfanityFilter);
        var document = System.Text.Json.Nodes.JsonNode.Parse(SessionDocument.Write(f.Session.State, f.Session.TakeStoredChanges()).Document)!.AsObject();
        Assert.True(document.Remove("profanityFilter"));
        var stored = SessionDocument.Read(new StoredSession(1, document.ToJsonString(), []));
        Assert.Equal(ProfanityMode.Review, stored.ProfanityFilter);
    }

    [Fact]
    public void Review_holds_a_flagged_question_for_the_staff_even_without_pre_moderation()
    {
        var f = new SessionFixture();
        Assert.False(f.Session.State.PreModeration);
        var id = f.Ask(f.Alice, "Pourquoi ce c0nnard de robot ment ?");
        var changes = f.Session.TakeChanges()!;

        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Empty(changes.For(Audience.Projector).Events);
        var staff = Assert.IsType<QuestionAsked>(Assert.Single(changes.For(Audience.Staff).Events)).Question;
        Assert.Equal((QuestionStatus.Pending, true), (staff.Status, staff.Flagged));
        var personal = Assert.IsType<QuestionUpdated>(Assert.Single(Assert.Single(changes.Personal()).Batch.Events)).Question;
        Assert.Null(personal.Flagged);
        Assert.DoesNotContain(f.Questions(f.Bob), q => q.Id == id);
        Refused(f.Session.Upvote(f.Bob, id), RefusalCodes.NotFound);

        Ok(f.Moderate(f.Facilitator, ModerationAction.Approve, id));
        var asked = Assert.IsType<QuestionAsked>(Assert.Single(f.EventsFor(Audience.Participants))).Question;
        Assert.Equal("Pourquoi ce c0nnard de robot ment ?", asked.Text);
        Assert.Null(f.Question(id, f.Facilitator).Flagged);
        Assert.Equal(1, Ok(f.Session.Report(f.Created.FacilitatorKey)).Questions.Flagged);
    }

    [Fact]
    public void Mask_replaces_the_flagged_words_in_what_is_stored_and_shown()
    {
        var f = With(ProfanityMode.Mask);
        var id = f.Ask(f.Alice, "Pourquoi ce CONNARD de robot ment ?");
        var asked = Assert.IsType<QuestionAsked>(Assert.Single(f.EventsFor(Audience.Participants))).Question;
        Assert.Equal((QuestionStatus.Visible, "Pourquoi ce ••• de robot ment ?"), (asked.Status, asked.Text));
        Assert.Equal("Pourquoi ce ••• de robot ment ?", f.Session.State.Questions.Single(q => q.Id == id).Text);
        Assert.Null(f.Question(id, f.Facilitator).Flagged);
    }

    [Fact]
    public void Off_lets_everything_through()
    {
        var f = With(ProfanityMode.Off);
        var id = f.Ask(f.Alice, "Pourquoi ce Connärd de robot ment ?");
        Assert.Equal("Pourquoi ce Connärd de robot ment ?", Assert.IsType<QuestionAsked>(Assert.Single(f.EventsFor(Audience.Participants))).Question.Text);
        Assert.Null(f.Question(id, f.Facilitator).Flagged);
    }

    [Fact]
    public void Words_that_merely_resemble_listed_ones_are_not_held()
    {
        var f = new SessionFixture();
        var id = f.Ask(f.Alice, "Scunthorpe, un assassin et un bassiste analysent le Cognac en classe au conseil");
        Assert.Equal(QuestionStatus.Visible, f.Question(id, f.Bob).Status);
    }

    [Fact]
    public void The_staffs_own_texts_are_masked_in_review_and_mask_and_never_held()
    {
        foreach (var mode in new[] { ProfanityMode.Review, ProfanityMode.Mask })
        {
            var f = With(mode);
            var own = f.Ask(f.Facilitator, "Ce connard de robot");
            Assert.Equal((QuestionStatus.Visible, "Ce ••• de robot"), (f.Question(own, f.Bob).Status, f.Question(own, f.Bob).Text));
            var id = f.Ask(f.Alice, "Une question");
            Ok(f.Session.ReplyToQuestion(f.Facilitator, new ReplyRequest(id, "Quelle merde, oui")));
            Assert.Equal("Quelle •••, oui", f.Question(id, f.Bob).Reply);
            Assert.Equal("••• !", Ok(f.Session.Announce(f.Facilitator, new AnnounceRequest("Putain !"))).Text);
            Ok(f.Moderate(f.Facilitator, ModerationAction.Edit, id, text: "Une question de con"));
            Assert.Equal("Une question de •••", f.Question(id, f.Bob).Text);
        }
        var off = With(ProfanityMode.Off);
        Assert.Equal("Putain !", Ok(off.Session.Announce(off.Facilitator, new AnnounceRequest("Putain !"))).Text);
    }

    [Fact]
    public void A_flagged_open_text_answer_waits_and_is_flagged_for_the_staff()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll(PollKind.OpenText);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Text: "Quelle merde")));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, Text: "Très utile")));
        var answers = f.Poll(poll, f.Facilitator).Results!.Answers!;
        Assert.Equal([true, null], answers.Select(a => a.Flagged));
        Assert.All(answers, a => Assert.Equal(AnswerStatus.Pending, a.Status));

        var masked = With(ProfanityMode.Mask);
        var other = masked.NewPoll(PollKind.OpenText);
        Ok(masked.Session.Vote(masked.Alice, new VoteRequest(other, Text: "Quelle merde")));
        Assert.Equal("Quelle •••", masked.Poll(other, masked.Facilitator).Results!.Answers!.Single().Text);
    }

    [Fact]
    public void A_flagged_word_is_held_out_of_the_cloud_until_the_staff_approve_it()
    {
        var f = new SessionFixture();
        var poll = f.NewPoll(PollKind.WordCloud);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["éthique", "merde"])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Words: ["MERDE"])));
        var changes = f.Session.TakeChanges()!;

        var shown = Assert.IsType<PollResultsChanged>(Assert.Single(changes.For(Audience.Participants).Events)).Results;
        Assert.Equal(["éthique"], shown.Words!.Select(w => w.Word));
        Assert.Equal(2, shown.Voters);
        var staff = Assert.IsType<PollResultsChanged>(Assert.Single(changes.For(Audience.Staff).Events)).Results;
        Assert.Equal([("merde", 2, (bool?)true), ("éthique", 1, null)], staff.Words!.Select(w => (w.Word, w.Count, w.Flagged)));
        Assert.Equal(["éthique"], f.Poll(poll, f.Bob).Results!.Words!.Select(w => w.Word));

        Refused(f.Session.ModerateWord(f.Alice, new WordModerationRequest(poll, "merde", true)), RefusalCodes.Forbidden);
        Refused(f.Session.ModerateWord(f.Facilitator, new WordModerationRequest(poll, "absent", true)), RefusalCodes.NotFound);
        Refused(f.Session.ModerateWord(f.Facilitator, new WordModerationRequest(poll, "merde", null)), RefusalCodes.Invalid);
        Ok(f.Session.ModerateWord(f.Moderator(), new WordModerationRequest(poll, "Merde", true)));
        Assert.Equal([("merde", 2)], f.Poll(poll, f.Bob).Results!.Words!.Where(w => w.Word == "merde").Select(w => (w.Word, w.Count)));
        Assert.Null(f.Poll(poll, f.Facilitator).Results!.Words!.Single(w => w.Word == "merde").Flagged);

        Ok(f.Session.ModerateWord(f.Facilitator, new WordModerationRequest(poll, "éthique", false)));
        Assert.DoesNotContain(f.Poll(poll, f.Bob).Results!.Words!, w => w.Word == "éthique");
        Assert.True(f.Poll(poll, f.Facilitator).Results!.Words!.Single(w => w.Word == "éthique").Flagged);
    }

    [Fact]
    public void In_mask_mode_a_word_that_is_all_masked_is_left_out_of_the_cloud()
    {
        var f = With(ProfanityMode.Mask);
        var poll = f.NewPoll(PollKind.WordCloud);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["éthique", "merde"])));
        Assert.Equal(["éthique"], f.Poll(poll, f.Facilitator).Results!.Words!.Select(w => w.Word));
        Assert.Equal(["éthique"], f.Poll(poll, f.Bob).Results!.Words!.Select(w => w.Word));
    }

    [Fact]
    public void Only_the_facilitator_sets_the_filter_and_only_to_a_known_mode()
    {
        var f = new SessionFixture();
        Refused(f.Session.SetProfanityFilter(f.Moderator(), new ProfanityFilterRequest(ProfanityMode.Off)), RefusalCodes.Forbidden);
        Refused(f.Session.SetProfanityFilter(f.Alice, new ProfanityFilterRequest(ProfanityMode.Off)), RefusalCodes.Forbidden);
        Refused(f.Session.SetProfanityFilter(f.Facilitator, new ProfanityFilterRequest(null)), RefusalCodes.Invalid);
        Refused(f.Session.SetProfanityFilter(f.Facilitator, new ProfanityFilterRequest((ProfanityMode)7)), RefusalCodes.Invalid);
        f.Session.TakeChanges();
        Ok(f.Session.SetProfanityFilter(f.Facilitator, new ProfanityFilterRequest(ProfanityMode.Mask)));
        Assert.Equal(ProfanityMode.Mask, Assert.IsType<ProfanityFilterChanged>(Assert.Single(f.EventsFor(Audience.Participants))).Mode);
        Ok(f.Session.SetProfanityFilter(f.Facilitator, new ProfanityFilterRequest(ProfanityMode.Mask)));
        Assert.Null(f.Session.TakeChanges());
    }
}
