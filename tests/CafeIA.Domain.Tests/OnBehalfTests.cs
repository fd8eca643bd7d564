using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>A question the staff type for someone without a device: on site, with no author, published at once.</summary>
public sealed class OnBehalfTests
{
    [Fact]
    public void A_question_asked_on_someones_behalf_counts_on_site_and_shows_no_author()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetModeration(f.Facilitator, new ModerationSettings(true)));
        var remoteModerator = f.Join(new JoinOptions("Médiatrice", ParticipantMode.Remote, Key: f.Created.ModeratorKey)).ParticipantId;
        var id = Ok(f.Session.Ask(remoteModerator, new AskQuestionRequest("Est-ce que l'IA lit mes courriers ?", OnBehalf: true))).QuestionId;

        var seen = f.Question(id, f.Alice);
        Assert.Equal((QuestionStatus.Visible, ParticipantMode.Onsite, (string?)null), (seen.Status, seen.Mode, seen.AuthorName));
        Assert.Null(seen.OnBehalf);
        var staff = f.Question(id, f.Facilitator);
        Assert.Equal((true, (string?)null, (string?)null), (staff.OnBehalf, staff.AuthorId, staff.AuthorName));

        var report = Ok(f.Session.Report(f.Created.FacilitatorKey)).Questions;
        Assert.Equal((1, 1, 0, 1), (report.Asked, report.AskedOnsite, report.AskedRemote, report.AskedOnBehalf));
    }

    [Fact]
    public void A_participant_asking_on_someones_behalf_is_forbidden_and_nothing_is_asked()
    {
        var f = new SessionFixture();
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest("Pour ma voisine", OnBehalf: true)), RefusalCodes.Forbidden);
        Assert.Empty(f.Session.State.Questions);
    }
}
