using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>A café's side of a programme opinion: the push, the national pool, offers to it, and the national map's view.</summary>
public sealed class ProgrammeOpinionSessionTests
{
    private static readonly Guid Programme = Guid.NewGuid();
    private static readonly NationalStatement[] Seeds = [new("n1", "L'IA doit être encadrée"), new("n2", "L'IA va créer des emplois")];

    private static (SessionFixture F, string Opinion) Pushed()
    {
        var f = new SessionFixture();
        Ok(f.Session.JoinProgramme(f.Facilitator, Programme));
        var added = Ok(f.Session.AddProgrammeOpinion(Programme, "no1", "L'IA et nous", Seeds));
        Assert.True(added.Opened);
        f.Session.TakeChanges();
        f.Session.TakeOpinionFeeds();
        return (f, added.OpinionId);
    }

    [Fact]
    public void A_pushed_opinion_opens_in_a_live_cafe_with_its_seeds_named_nationally_and_a_second_push_changes_nothing()
    {
        var (f, opinion) = Pushed();
        var view = Ok(f.Session.Snapshot(f.Alice)).Opinions!.Single();
        Assert.Equal((opinion, "no1", OpinionState.Open), (view.Id, view.NationalOpinionId, view.State));
        Assert.Equal(Seeds.Select(s => s.Text), view.Statements.Select(s => s.Text));
        Assert.NotNull(view.Next);
        Assert.Equal(opinion, Ok(f.Session.AddProgrammeOpinion(Programme, "no1", "L'IA et nous", Seeds)).OpinionId);
        Assert.Single(Ok(f.Session.Snapshot(f.Alice)).Opinions!);
        Refused(f.Session.AddProgrammeOpinion(Guid.NewGuid(), "no1", "?", Seeds), RefusalCodes.Forbidden);
        var link = f.Session.OpinionVotes(opinion)!.National!;
        Assert.Equal(["n1", "n2"], link.StatementIds);
        Assert.Equal(["s1", "s2"], link.LocalIds.Select(id => id!));
    }

    [Fact]
    public void A_cafes_own_approved_statement_is_offered_once_and_linked_when_pooled_and_others_arrive_approved_without_author()
    {
        var (f, opinion) = Pushed();
        var own = Ok(f.Session.AddStatement(f.Alice, new AddStatementRequest(opinion, "Former les agents"))).StatementId;
        f.Session.TakeChanges();
        var (programme, programmeOpinion, statement, text) = Assert.Single(f.Session.TakePoolOffers());
        Assert.Equal((Programme, "no1", own, "Former les agents"), (programme, programmeOpinion, statement, text));

        // Hidden then approved again: offered again (the programme deduplicates by origin).
        Ok(f.Session.ModerateStatement(f.Facilitator, new StatementRef(opinion, own), approve: false));
        Assert.Empty(f.Session.TakePoolOffers());

        NationalStatement[] pool = [.. Seeds, new("n3", "Former les agents", f.State.Id, own), new("n4", "Un registre public", Guid.NewGuid(), "s9")];
        Ok(f.Session.SetNationalStatements(Programme, "no1", pool));
        var changes = f.Session.TakeChanges()!;
        var view = Ok(f.Session.Snapshot(f.Bob)).Opinions!.Single();
        Assert.Single(f.Session.OpinionVotes(opinion)!.National!.StatementIds, "n4");
        var arrived = view.Statements.Single(s => s.Text == "Un registre public");
        Assert.Equal((StatementStatus.Approved, false), (arrived.Status, arrived.Mine));
        Assert.Contains(changes.For(Audience.Participants).Events.OfType<OpinionChanged>(), e => e.Opinion.Statements.Any(s => s.Text == "Un registre public"));
        // Its own statement is linked, not copied; a pooled one is never offered back.
        var link = f.Session.OpinionVotes(opinion)!.National!;
        Assert.Equal(["n1", "n2", "n3", "n4"], link.StatementIds);
        Assert.Equal(own, link.LocalIds[2]);
        Assert.Empty(f.Session.TakePoolOffers());
        Ok(f.Session.SetNationalStatements(Programme, "no1", pool));
        Assert.Equal(4, Ok(f.Session.Snapshot(f.Facilitator)).Opinions!.Single().Statements.Length);
    }

    [Fact]
    public void The_national_map_names_this_cafes_statements_gives_dots_to_the_staff_only_and_tells_each_participant_their_group()
    {
        var (f, opinion) = Pushed();
        var map = new NationalMapReport(1,
            [new OpinionGroupView(0, 30, 10, 20, [new RepresentativeView("n2", 0.91, true), new RepresentativeView("n7", 0.8, true)])],
            [new ConsensusView("n1", 0.5), new ConsensusView("n7", 0.4)],
            [new NationalDotView(0.5, -0.25, 30, 0)], 12, 30, [new NationalDotView(0.4, -0.2, 2, 0)], [0], 1);
        Ok(f.Session.PublishNationalMap(opinion, new NationalMapResult(map, new() { [f.Alice] = 0 })));
        var changes = f.Session.TakeChanges()!;
        var staff = changes.For(Audience.Staff).Events.OfType<OpinionNationalChanged>().Single().National;
        Assert.Equal("s2", Assert.Single(staff.Groups.Single().Representative).StatementId);
        Assert.Equal("s1", Assert.Single(staff.Consensus).StatementId);
        Assert.Equal((1, 1, 12, 30), (staff.Map!.Length, staff.Here!.Length, staff.Cafes, staff.People));
        Assert.Null(changes.For(Audience.Participants).Events.OfType<OpinionNationalChanged>().Single().National.Map);
        var told = changes.Personal().Single(p => p.ParticipantId == f.Alice).Batch.Events.OfType<OpinionMeChanged>().Single();
        Assert.Equal(0, told.NationalGroup);
        Assert.Equal(0, Ok(f.Session.Snapshot(f.Alice)).Opinions!.Single().NationalGroup);
        Assert.Null(Ok(f.Session.Snapshot(f.Bob)).Opinions!.Single().NationalGroup);
        Assert.Equal(30, Ok(f.Session.Snapshot(f.Bob)).Opinions!.Single().National!.People);
        Refused(f.Session.PublishNationalMap("o99", new NationalMapResult(map, [])), RefusalCodes.NotFound);
    }

    [Fact]
    public void The_room_s_screen_shows_a_pushed_opinion_s_national_map_or_the_cafe_s_own_and_phones_are_told_which()
    {
        var (f, opinion) = Pushed();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion, OpinionId: opinion, National: true)));
        Assert.Equal(new ScreenChanged(ScreenView.Opinion, null, opinion, true), Assert.Single(f.EventsFor(Audience.Participants).OfType<ScreenChanged>()));
        Assert.Equal(new Screen(ScreenView.Opinion, OpinionId: opinion, National: true), Ok(f.Session.Snapshot(f.Bob)).Screen);
        // Back to the café's own map: national: false is the same screen as no national at all.
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion, OpinionId: opinion, National: false)));
        Assert.Equal(new ScreenChanged(ScreenView.Opinion, null, opinion), Assert.Single(f.EventsFor(Audience.Projector).OfType<ScreenChanged>()));
        Assert.Equal(new Screen(ScreenView.Opinion, OpinionId: opinion), Ok(f.Session.Snapshot(f.Bob)).Screen);
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion, OpinionId: opinion)));
        Assert.Null(f.Session.TakeChanges());
    }
}
