using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

/// <summary>The report's conclusion ("ce que nous retenons") and its cover.</summary>
public sealed class ConclusionTests
{
    [Fact]
    public void The_facilitator_writes_the_conclusion_the_staff_are_told_and_the_report_carries_it()
    {
        var f = new SessionFixture();
        f.Session.TakeChanges();

        SessionFixture.Ok(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest("  L'IA générative inquiète moins quand on l'a essayée.\nÀ refaire.  ")));

        var changes = f.Session.TakeChanges()!;
        Assert.Equal(new ConclusionChanged("L'IA générative inquiète moins quand on l'a essayée.\nÀ refaire."), Assert.Single(changes.For(Audience.Staff).Events));
        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Empty(changes.For(Audience.Projector).Events);
        Assert.Equal("L'IA générative inquiète moins quand on l'a essayée.\nÀ refaire.", SessionFixture.Ok(f.Session.Report(f.Created.FacilitatorKey)).Conclusion);
        Assert.Equal("L'IA générative inquiète moins quand on l'a essayée.\nÀ refaire.", SessionFixture.Ok(f.Session.Snapshot(f.Facilitator)).Conclusion);
        Assert.Null(SessionFixture.Ok(f.Session.Snapshot(f.Alice)).Conclusion);
    }

    [Fact]
    public void Only_the_facilitator_writes_it_a_too_long_or_unclean_text_is_refused_and_nothing_changes()
    {
        var f = new SessionFixture();
        SessionFixture.Ok(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest("Première version")));
        f.Session.TakeChanges();
        var revision = f.Session.Revision;

        SessionFixture.Refused(f.Session.SetConclusion(f.Alice, new ConclusionRequest("Piraté")), RefusalCodes.Forbidden);
        SessionFixture.Refused(f.Session.SetConclusion(f.Moderator(), new ConclusionRequest("Piraté")), RefusalCodes.Forbidden);
        f.Session.TakeChanges();
        revision = f.Session.Revision;
        SessionFixture.Refused(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest(new string('a', new SessionLimits().MaxConclusionLength + 1))), RefusalCodes.Invalid);
        SessionFixture.Refused(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest("bip\u0007")), RefusalCodes.Invalid);

        Assert.Equal(revision, f.Session.Revision);
        Assert.Equal("Première version", SessionFixture.Ok(f.Session.Report(f.Created.FacilitatorKey)).Conclusion);
    }

    [Fact]
    public void An_empty_text_clears_it_and_it_can_be_written_after_the_cafe_ended()
    {
        var f = new SessionFixture();
        SessionFixture.Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        SessionFixture.Ok(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest("Écrit le lendemain")));
        Assert.Equal("Écrit le lendemain", SessionFixture.Ok(f.Session.Report(f.Created.FacilitatorKey)).Conclusion);
        f.Session.TakeChanges();

        SessionFixture.Ok(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest("   ")));
        Assert.Equal(new ConclusionChanged(null), Assert.Single(f.Session.TakeChanges()!.For(Audience.Staff).Events));
        Assert.Null(SessionFixture.Ok(f.Session.Report(f.Created.FacilitatorKey)).Conclusion);
        SessionFixture.Ok(f.Session.SetConclusion(f.Facilitator, new ConclusionRequest(null)));
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void The_cover_has_the_title_and_the_place_date_organiser_and_attendance_the_map_lists()
    {
        var f = new SessionFixture(live: false);
        var cover = SessionFixture.Ok(f.Session.Report(f.Created.FacilitatorKey)).Cover!;
        Assert.Equal((f.Session.State.Title, f.Session.State.CreatedAt, null, null), (cover.Title, cover.Date, cover.Place, cover.Organiser));

        var startsAt = new DateTimeOffset(2027, 1, 14, 18, 0, 0, TimeSpan.FromHours(1));
        SessionFixture.Ok(f.Session.PublishToMap(f.Facilitator, new CafeListingRequest("Médiathèque de Morlaix", startsAt, CafeFormat.Hybrid, "Ville de Morlaix")));
        cover = SessionFixture.Ok(f.Session.Report(f.Created.FacilitatorKey)).Cover!;
        Assert.Equal((startsAt, "Médiathèque de Morlaix", "Ville de Morlaix", CafeFormat.Hybrid), (cover.Date, cover.Place, cover.Organiser, cover.Attendance));
    }
}
