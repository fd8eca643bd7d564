using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class QuestionTests
{
    [Fact]
    public void An_asked_question_is_visible_to_everyone_with_its_author_mode()
    {
        var f = new SessionFixture();
        var id = Ok(f.Session.Ask(f.Chloe, new AskQuestionRequest("  Qui entraîne ces modèles ?  "))).QuestionId;
        var seen = f.Question(id, f.Bob);
        Assert.Equal("Qui entraîne ces modèles ?", seen.Text);
        Assert.Equal(ParticipantMode.Remote, seen.Mode);
        Assert.Equal("Chloé", seen.AuthorName);
        Assert.Equal(0, seen.Votes);
        Assert.False(seen.Mine);
        Assert.True(f.Question(id, f.Chloe).Mine);
    }

    [Fact]
    public void An_anonymous_question_does_not_carry_its_author_name()
    {
        var f = new SessionFixture();
        var id = Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("Question gênante", Anonymous: true))).QuestionId;
        var asked = Assert.IsType<QuestionAsked>(Assert.Single(f.Session.TakeChanges()!.For(Audience.Participants).Events));
        Assert.Null(asked.Question.AuthorName);
        Assert.Null(f.Question(id, f.Bob).AuthorName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_question_is_invalid(string? text)
    {
        var f = new SessionFixture();
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest(text)), RefusalCodes.Invalid);
        Assert.Empty(f.Session.State.Questions);
    }

    [Fact]
    public void A_question_longer_than_the_limit_is_invalid()
    {
        var f = new SessionFixture();
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest(new string('a', 501))), RefusalCodes.Invalid);
        Ok(f.Session.Ask(f.Alice, new AskQuestionRequest(new string('a', 500))));
    }

    [Fact]
    public void An_upvote_counts_once_per_participant_and_a_retract_takes_it_back()
    {
        var f = new SessionFixture();
        var id = Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("Et l'écologie ?"))).QuestionId;
        f.Session.TakeChanges();

        Ok(f.Session.Upvote(f.Bob, id));
        Assert.Equal(1, f.Question(id, f.Alice).Votes);
        Assert.Contains(new QuestionVotesChanged(id, 1), f.Session.TakeChanges()!.For(Audience.Participants).Events);

        Ok(f.Session.Upvote(f.Bob, id));
        Assert.Equal(1, f.Question(id, f.Alice).Votes);
        Assert.Null(f.Session.TakeChanges());

        Ok(f.Session.Upvote(f.Chloe, id));
        Assert.Equal(2, f.Question(id, f.Alice).Votes);

        Ok(f.Session.RemoveUpvote(f.Bob, id));
        Assert.Equal(1, f.Question(id, f.Alice).Votes);
        Assert.False(f.Question(id, f.Bob).Upvoted);
        Assert.True(f.Question(id, f.Chloe).Upvoted);
    }

    [Fact]
    public void Retracting_an_upvote_never_given_changes_nothing()
    {
        var f = new SessionFixture();
        var id = Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("?"))).QuestionId;
        f.Session.TakeChanges();
        Ok(f.Session.RemoveUpvote(f.Bob, id));
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(0, f.Question(id, f.Alice).Votes);
    }

    [Fact]
    public void Upvoting_an_unknown_question_is_not_found()
    {
        var f = new SessionFixture();
        Refused(f.Session.Upvote(f.Bob, "q999"), RefusalCodes.NotFound);
        Refused(f.Session.Upvote(f.Bob, null), RefusalCodes.NotFound);
    }

    [Fact]
    public void Only_the_author_withdraws_a_question_and_then_it_disappears()
    {
        var f = new SessionFixture();
        var id = Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("Finalement non"))).QuestionId;
        Refused(f.Session.WithdrawQuestion(f.Bob, id), RefusalCodes.Forbidden);
        Ok(f.Session.WithdrawQuestion(f.Alice, id));
        Assert.DoesNotContain(Ok(f.Session.Snapshot(f.Bob)).Questions, q => q.Id == id);
        Refused(f.Session.Upvote(f.Bob, id), RefusalCodes.NotFound);
    }

    [Fact]
    public void The_projector_cannot_ask_or_upvote()
    {
        var f = new SessionFixture();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        Refused(f.Session.Ask(projector, new AskQuestionRequest("?")), RefusalCodes.Forbidden);
        var id = Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("?"))).QuestionId;
        Refused(f.Session.Upvote(projector, id), RefusalCodes.Forbidden);
    }

    [Fact]
    public void An_unknown_participant_is_forbidden()
    {
        var f = new SessionFixture();
        Refused(f.Session.Ask("u-nobody", new AskQuestionRequest("?")), RefusalCodes.Forbidden);
    }
}
