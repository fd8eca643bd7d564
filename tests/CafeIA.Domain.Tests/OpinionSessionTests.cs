using CafeIA.Storage;
using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>The opinion map's rules in the session: statements, their moderation, votes, counts, next statements, the map's feed and results.</summary>
public sealed class OpinionSessionTests
{
    private static readonly string[] Seeds = ["L'IA doit être encadrée par la loi", "L'IA va créer des emplois", "Les écoles doivent enseigner l'IA"];

    private static (SessionFixture F, string Opinion) Opened(bool preModeration = false)
    {
        var f = new SessionFixture();
        if (preModeration)
        {
            Ok(f.Session.SetModeration(f.Facilitator, new ModerationSettings(true)));
        }
        var opinion = Ok(f.Session.CreateOpinion(f.Facilitator, new CreateOpinionRequest("L'IA et nous", Seeds))).OpinionId;
        Ok(f.Session.MoveOpinion(f.Facilitator, opinion, OpinionState.Open));
        f.Session.TakeChanges();
        return (f, opinion);
    }

    private static OpinionView View(SessionFixture f, string viewer, string opinion) =>
        Ok(f.Session.Snapshot(viewer)).Opinions!.Single(o => o.Id == opinion);

    private static Outcome<StatementVoted> Vote(SessionFixture f, string who, string opinion, string statement, StatementVote vote) =>
        f.Session.VoteStatement(who, new VoteStatementRequest(opinion, statement, vote));

    [Fact]
    public void A_draft_opinion_is_the_staffs_until_opened_and_its_seed_statements_are_approved()
    {
        var f = new SessionFixture(live: false);
        var opinion = Ok(f.Session.CreateOpinion(f.Facilitator, new CreateOpinionRequest("L'IA et nous", Seeds))).OpinionId;
        var changes = f.Session.TakeChanges()!;
        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Empty(changes.For(Audience.Projector).Events);
        var staff = Assert.IsType<OpinionChanged>(Assert.Single(changes.For(Audience.Staff).Events)).Opinion;
        Assert.Equal((OpinionState.Draft, 3), (staff.State, staff.Statements.Length));
        Assert.All(staff.Statements, s => Assert.Equal(StatementStatus.Approved, s.Status));
        Assert.Null(Ok(f.Session.Snapshot(f.Bob)).Opinions!.SingleOrDefault());

        var revision = f.Session.Revision;
        Refused(f.Session.MoveOpinion(f.Facilitator, opinion, OpinionState.Open), RefusalCodes.NotLive);
        Refused(f.Session.MoveOpinion(f.Bob, opinion, OpinionState.Open), RefusalCodes.Forbidden);
        Refused(f.Session.CreateOpinion(f.Bob, new CreateOpinionRequest("?")), RefusalCodes.Forbidden);
        Refused(f.Session.CreateOpinion(f.Facilitator, new CreateOpinionRequest(" ")), RefusalCodes.Invalid);
        Refused(f.Session.CreateOpinion(f.Facilitator, new CreateOpinionRequest("?", [new string('x', 141)])), RefusalCodes.Invalid);
        Refused(f.Session.AddStatement(f.Bob, new AddStatementRequest(opinion, "Trop tôt")), RefusalCodes.NotFound);
        Assert.Equal(revision, f.Session.Revision);

        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Live));
        Ok(f.Session.MoveOpinion(f.Facilitator, opinion, OpinionState.Open));
        var opened = f.Session.TakeChanges()!;
        Assert.Equal(OpinionState.Open, opened.For(Audience.Participants).Events.OfType<OpinionChanged>().Single().Opinion.State);
        // Every connected participant is given a first statement.
        var given = opened.Personal().Where(p => p.Batch.Events.OfType<OpinionMeChanged>().Any(e => e.Next is not null)).Select(p => p.ParticipantId);
        Assert.Equal(new[] { f.Alice, f.Bob, f.Chloe }.Order(StringComparer.Ordinal), given.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Under_pre_moderation_a_statement_reaches_only_its_author_and_the_staff_until_approved()
    {
        var (f, opinion) = Opened(preModeration: true);
        var moderator = f.Moderator();
        f.Session.TakeChanges();
        var statement = Ok(f.Session.AddStatement(f.Alice, new AddStatementRequest(opinion, "Il faut un registre public des algorithmes"))).StatementId;
        var changes = f.Session.TakeChanges()!;

        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Empty(changes.For(Audience.Projector).Events);
        var staff = Assert.IsType<OpinionChanged>(Assert.Single(changes.For(Audience.Staff).Events)).Opinion;
        Assert.Equal(StatementStatus.Pending, staff.Statements.Single(s => s.Id == statement).Status);
        var (author, personal) = Assert.Single(changes.Personal());
        Assert.Equal(f.Alice, author);
        var mine = Assert.IsType<StatementUpdated>(Assert.Single(personal.Events)).Statement;
        Assert.Equal((statement, StatementStatus.Pending, true), (mine.Id, mine.Status, mine.Mine));

        Assert.DoesNotContain(View(f, f.Bob, opinion).Statements, s => s.Id == statement);
        Assert.Contains(View(f, f.Alice, opinion).Statements, s => s.Id == statement && s.Mine == true);
        Assert.Contains(View(f, moderator, opinion).Statements, s => s.Id == statement);
        Refused(Vote(f, f.Bob, opinion, statement, StatementVote.Agree), RefusalCodes.NotFound);

        Ok(f.Session.ModerateStatement(moderator, new StatementRef(opinion, statement), approve: true));
        var approved = f.Session.TakeChanges()!;
        var seen = approved.For(Audience.Participants).Events.OfType<OpinionChanged>().Single().Opinion;
        Assert.Equal(StatementStatus.Approved, seen.Statements.Single(s => s.Id == statement).Status);
        Assert.Contains(View(f, f.Bob, opinion).Statements, s => s.Id == statement);
        Ok(Vote(f, f.Bob, opinion, statement, StatementVote.Agree));
    }

    [Fact]
    public void The_profanity_filter_holds_a_statement_for_review_as_it_holds_a_question()
    {
        var (f, opinion) = Opened();
        var statement = Ok(f.Session.AddStatement(f.Alice, new AddStatementRequest(opinion, "Ce c0nnard de robot ment"))).StatementId;
        var changes = f.Session.TakeChanges()!;
        Assert.Empty(changes.For(Audience.Participants).Events);
        var staff = changes.For(Audience.Staff).Events.OfType<OpinionChanged>().Single().Opinion.Statements.Single(s => s.Id == statement);
        Assert.Equal((StatementStatus.Pending, true), (staff.Status, staff.Flagged));
        Assert.Null(View(f, f.Alice, opinion).Statements.Single(s => s.Id == statement).Flagged);

        // A staff statement is masked, never held.
        var fromStaff = Ok(f.Session.AddStatement(f.Facilitator, new AddStatementRequest(opinion, "Ce c0nnard de robot ment"))).StatementId;
        var shown = View(f, f.Bob, opinion).Statements.Single(s => s.Id == fromStaff);
        Assert.Equal(StatementStatus.Approved, shown.Status);
        Assert.DoesNotContain("c0nnard", shown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Muted_participants_kiosks_and_the_projector_cannot_add_statements_and_a_closed_opinion_takes_none()
    {
        var (f, opinion) = Opened();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        Ok(f.Session.SetMuted(f.Facilitator, f.Bob, true));
        Refused(f.Session.AddStatement(f.Bob, new AddStatementRequest(opinion, "Mon avis")), RefusalCodes.Muted);
        Refused(f.Session.AddStatement(projector, new AddStatementRequest(opinion, "Mon avis")), RefusalCodes.Forbidden);
        Refused(f.Session.AddStatement(f.Alice, new AddStatementRequest(opinion, new string('x', 141))), RefusalCodes.Invalid);
        Refused(f.Session.AddStatement(f.Alice, new AddStatementRequest("o9", "Mon avis")), RefusalCodes.NotFound);
        Ok(f.Session.MoveOpinion(f.Facilitator, opinion, OpinionState.Closed));
        Refused(f.Session.AddStatement(f.Alice, new AddStatementRequest(opinion, "Mon avis")), RefusalCodes.Closed);
        Refused(f.Session.AddStatement(f.Facilitator, new AddStatementRequest(opinion, "Mon avis")), RefusalCodes.Closed);
    }

    [Fact]
    public void Hostile_votes_are_refused_with_stable_codes_and_change_nothing()
    {
        var (f, opinion) = Opened(preModeration: true);
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        var moderator = f.Moderator();
        var pending = Ok(f.Session.AddStatement(f.Alice, new AddStatementRequest(opinion, "En attente"))).StatementId;
        f.Session.TakeChanges();
        f.Session.TakeStoredChanges();
        var revision = f.Session.Revision;

        Refused(Vote(f, f.Facilitator, opinion, "s1", StatementVote.Agree), RefusalCodes.Forbidden);
        Refused(Vote(f, moderator, opinion, "s1", StatementVote.Agree), RefusalCodes.Forbidden);
        Refused(Vote(f, projector, opinion, "s1", StatementVote.Agree), RefusalCodes.Forbidden);
        Refused(Vote(f, "nobody", opinion, "s1", StatementVote.Agree), RefusalCodes.Forbidden);
        Refused(Vote(f, f.Bob, opinion, "s1", (StatementVote)7), RefusalCodes.Invalid);
        Refused(f.Session.VoteStatement(f.Bob, new VoteStatementRequest(opinion, "s1", null)), RefusalCodes.Invalid);
        Refused(Vote(f, f.Bob, opinion, "s99", StatementVote.Agree), RefusalCodes.NotFound);
        Refused(Vote(f, f.Bob, "o9", "s1", StatementVote.Agree), RefusalCodes.NotFound);
        Refused(Vote(f, f.Bob, opinion, pending, StatementVote.Agree), RefusalCodes.NotFound);

        Assert.Equal(revision, f.Session.Revision);
        Assert.Null(f.Session.TakeChanges());
        Assert.Empty(f.Session.TakeStoredChanges().OpinionVoters!);

        Ok(f.Session.MoveOpinion(f.Facilitator, opinion, OpinionState.Closed));
        f.Session.TakeChanges();
        Refused(Vote(f, f.Bob, opinion, "s1", StatementVote.Agree), RefusalCodes.Closed);
        Assert.Equal(0, View(f, f.Facilitator, opinion).Voters);
    }

    [Fact]
    public void A_changed_vote_replaces_the_previous_one_in_its_voters_mode_and_the_same_vote_again_changes_nothing()
    {
        var (f, opinion) = Opened();
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Agree));   // on site
        Ok(Vote(f, f.Chloe, opinion, "s1", StatementVote.Disagree)); // remote
        Ok(Vote(f, f.Bob, opinion, "s2", StatementVote.Pass));
        var batch = f.Session.TakeChanges()!;
        Assert.Empty(batch.For(Audience.Participants).Events);
        var counts = Assert.IsType<StatementCountsChanged>(Assert.Single(batch.For(Audience.Projector).Events));
        Assert.Equal(["s1", "s2"], counts.Statements.Select(s => s.Id));
        var s1 = counts.Statements[0];
        Assert.Equal((1, 1, 0), (s1.Agree, s1.Disagree, s1.Pass));
        Assert.Equal((new VoteSplit(1, 0, 0), new VoteSplit(0, 1, 0)), (s1.Onsite, s1.Remote));

        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Disagree));
        var changed = Assert.IsType<StatementCountsChanged>(Assert.Single(f.EventsFor(Audience.Staff))).Statements.Single();
        Assert.Equal(("s1", 0, 2, new VoteSplit(0, 1, 0)), (changed.Id, changed.Agree, changed.Disagree, changed.Onsite));

        var revision = f.Session.Revision;
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Disagree));
        Assert.Equal(revision, f.Session.Revision);
        Assert.Null(f.Session.TakeChanges());

        var mine = View(f, f.Alice, opinion);
        Assert.Equal(StatementVote.Disagree, mine.Statements.Single(s => s.Id == "s1").MyVote);
        Assert.Null(mine.Statements.Single(s => s.Id == "s2").MyVote);
        Assert.Equal(3, mine.Voters);
    }

    [Fact]
    public void Each_vote_answers_the_next_unvoted_statement_until_none_is_left()
    {
        var (f, opinion) = Opened();
        var seen = new HashSet<string>();
        var next = View(f, f.Alice, opinion).Next;
        while (next is not null)
        {
            Assert.True(seen.Add(next), $"{next} offered twice");
            next = Ok(Vote(f, f.Alice, opinion, next, StatementVote.Agree)).Next;
        }
        Assert.Equal(Seeds.Length, seen.Count);
        Assert.Null(View(f, f.Alice, opinion).Next);
        Assert.Null(View(f, f.Facilitator, opinion).Next);
        f.Session.TakeChanges();

        // A newly approved statement reaches those who had nothing left to vote on.
        var added = Ok(f.Session.AddStatement(f.Facilitator, new AddStatementRequest(opinion, "L'IA doit rester un outil"))).StatementId;
        var personal = f.Session.TakeChanges()!.Personal().ToDictionary(p => p.ParticipantId, p => p.Batch.Events.OfType<OpinionMeChanged>().Single());
        Assert.Equal(added, personal[f.Alice].Next);
        // Bob still had statements to vote on: his phone keeps the one it shows.
        Assert.DoesNotContain(f.Bob, personal.Keys);
    }

    [Fact]
    public void The_votes_a_batch_made_are_fed_to_the_map_with_its_seq_and_a_hidden_statement_asks_for_a_rebuild()
    {
        var (f, opinion) = Opened();
        Assert.Empty(f.Session.TakeOpinionFeeds());
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Agree));
        Ok(Vote(f, f.Bob, opinion, "s1", StatementVote.Disagree));
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Pass));
        var batch = f.Session.TakeChanges()!;
        var (fed, feed) = Assert.Single(f.Session.TakeOpinionFeeds());
        Assert.Equal((opinion, batch.Seq, false), (fed, feed.Seq, feed.Rebuild));
        Assert.Equal([new MapVote(f.Alice, "s1", 0), new MapVote(f.Bob, "s1", -1)],
            feed.Votes.OrderBy(v => v.ParticipantId == f.Alice ? 0 : 1).Select(v => v with { Onsite = false }));
        Assert.Empty(f.Session.TakeOpinionFeeds());

        Ok(f.Session.ModerateStatement(f.Facilitator, new StatementRef(opinion, "s1"), approve: false));
        f.Session.TakeChanges();
        Assert.True(Assert.Single(f.Session.TakeOpinionFeeds()).Feed.Rebuild);
        var votes = f.Session.OpinionVotes(opinion)!;
        Assert.Equal(["s2", "s3"], votes.Statements);
        Assert.Empty(votes.Votes);
        // Hidden, its votes stay counted for the staff; the room no longer sees it.
        Assert.Equal(1, View(f, f.Facilitator, opinion).Statements.Single(s => s.Id == "s1").Disagree);
        Assert.DoesNotContain(View(f, f.Chloe, opinion).Statements, s => s.Id == "s1");
    }

    [Fact]
    public void A_map_result_is_published_with_split_groups_dots_for_the_screens_and_each_moved_participant_told_their_place()
    {
        var (f, opinion) = Opened();
        foreach (var who in new[] { f.Alice, f.Bob, f.Chloe })
        {
            Ok(Vote(f, who, opinion, "s1", who == f.Chloe ? StatementVote.Disagree : StatementVote.Agree));
        }
        Ok(f.Session.ModerateStatement(f.Facilitator, new StatementRef(opinion, "s3"), approve: false));
        f.Session.TakeChanges();
        var map = new OpinionMapResult(1,
            [new MapPointResult(f.Alice, 0.5, 0.5, 0), new MapPointResult(f.Bob, 0.4, 0.6, 0), new MapPointResult(f.Chloe, -0.9, -0.1, 1)],
            [new MapGroupResult(0, [f.Alice, f.Bob], [new RepresentativeView("s1", 0.75, true), new RepresentativeView("s3", 0.7, true)]),
             new MapGroupResult(1, [f.Chloe], [new RepresentativeView("s1", 0.6666, false)])],
            [new ConsensusView("s2", 0.25), new ConsensusView("s3", 0.2)]);
        Ok(f.Session.PublishOpinionMap(opinion, map));
        var changes = f.Session.TakeChanges()!;

        var staff = changes.For(Audience.Staff).Events.OfType<OpinionMapChanged>().Single();
        Assert.Equal([(0, 2, 2, 0), (1, 1, 0, 1)], staff.Groups.Select(g => (g.Id, g.Size, g.Onsite, g.Remote)));
        // A hidden statement neither represents a group nor stands as consensus.
        Assert.Equal(["s1"], staff.Groups[0].Representative.Select(r => r.StatementId));
        Assert.Equal(0.667, staff.Groups[1].Representative.Single().AgreeRate);
        Assert.Equal(["s2"], staff.Consensus.Select(c => c.StatementId));
        Assert.Equal(3, staff.Map!.Length);
        Assert.Equal(ParticipantMode.Remote, staff.Map.Single(d => d.Group == 1).Mode);
        Assert.Equal(3, changes.For(Audience.Projector).Events.OfType<OpinionMapChanged>().Single().Map!.Length);
        Assert.Null(changes.For(Audience.Participants).Events.OfType<OpinionMapChanged>().Single().Map);
        var told = changes.Personal().ToDictionary(p => p.ParticipantId, p => p.Batch.Events.OfType<OpinionMeChanged>().Single().Me);
        Assert.Equal(new MapPosition(-0.9, -0.1, 1), told[f.Chloe]);
        Assert.Equal(3, told.Count);
        Assert.Equal(new MapPosition(0.5, 0.5, 0), View(f, f.Alice, opinion).Me);
        Assert.Null(View(f, f.Facilitator, opinion).Me);
        Assert.Null(View(f, f.Bob, opinion).Map);
        Assert.Equal(3, View(f, f.Facilitator, opinion).Map!.Length);

        // The next run moves Bob a little and Chloé into the other group: only Chloé is told.
        Ok(f.Session.PublishOpinionMap(opinion, map with
        {
            Points = [new MapPointResult(f.Alice, 0.5, 0.5, 0), new MapPointResult(f.Bob, 0.41, 0.61, 0), new MapPointResult(f.Chloe, 0.3, 0.2, 0)],
        }));
        var again = f.Session.TakeChanges()!;
        Assert.Equal([f.Chloe], again.Personal().Select(p => p.ParticipantId));
    }

    [Fact]
    public void The_report_keeps_approved_statements_with_split_votes_and_the_last_groups_without_names()
    {
        var (f, opinion) = Opened();
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Agree));
        Ok(Vote(f, f.Chloe, opinion, "s1", StatementVote.Agree));
        Ok(f.Session.ModerateStatement(f.Facilitator, new StatementRef(opinion, "s3"), approve: false));
        Ok(f.Session.PublishOpinionMap(opinion, new OpinionMapResult(1,
            [new MapPointResult(f.Alice, 0.1, 0.1, 0), new MapPointResult(f.Chloe, 0.2, 0.1, 0)],
            [new MapGroupResult(0, [f.Alice, f.Chloe], [new RepresentativeView("s1", 0.75, true)])],
            [new ConsensusView("s1", 0.75)])));
        var report = Ok(f.Session.Report(f.Created.FacilitatorKey)).Opinions!.Single();
        Assert.Equal((2, 1, 1), (report.Voters, report.VotersOnsite, report.VotersRemote));
        Assert.Equal(["s1", "s2"], report.Statements.Select(s => s.Id));
        Assert.Equal((2, new VoteSplit(1, 0, 0), new VoteSplit(1, 0, 0)), (report.Statements[0].Agree, report.Statements[0].Onsite, report.Statements[0].Remote));
        Assert.Equal((2, 1, 1), (report.Groups.Single().Size, report.Groups.Single().Onsite, report.Groups.Single().Remote));
        var json = System.Text.Json.JsonSerializer.Serialize(report);
        Assert.DoesNotContain(f.Alice, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_the_session_closes_its_open_opinions()
    {
        var (f, opinion) = Opened();
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Assert.Equal(OpinionState.Closed, View(f, f.Bob, opinion).State);
    }

    [Fact]
    public void Votes_read_back_from_their_rows_and_sessions_stored_before_opinions_load_without_any()
    {
        var (f, opinion) = Opened();
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Agree));
        Ok(Vote(f, f.Chloe, opinion, "s2", StatementVote.Pass));
        f.Session.TakeChanges();
        var write = SessionDocument.Write(f.Session.State, f.Session.TakeStoredChanges());
        Assert.Equal(2, write.Rows.Count(r => r.Kind == SessionRow.OpinionVoter));
        var read = SessionDocument.Read(new StoredSession(1, write.Document, [.. write.Rows.Where(r => r.Kind == SessionRow.OpinionVoter)]));
        var voters = read.Opinions.Single().Voters;
        Assert.Equal(StatementVote.Agree, voters[f.Alice].Votes["s1"]);
        Assert.Equal((ParticipantMode.Remote, StatementVote.Pass), (voters[f.Chloe].Mode, voters[f.Chloe].Votes["s2"]));

        var document = System.Text.Json.Nodes.JsonNode.Parse(write.Document)!.AsObject();
        Assert.True(document.Remove("opinions"));
        Assert.True(document.Remove("opinionsCreated"));
        Assert.Empty(SessionDocument.Read(new StoredSession(1, document.ToJsonString(), [])).Opinions);
    }

    [Fact]
    public void The_room_s_screen_shows_an_opinion_map_by_its_id()
    {
        var (f, opinion) = Opened();
        Ok(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion, OpinionId: opinion)));
        Assert.Equal(new ScreenChanged(ScreenView.Opinion, null, opinion), Assert.Single(f.EventsFor(Audience.Projector)));
        Assert.Equal(new Screen(ScreenView.Opinion, OpinionId: opinion), Ok(f.Session.Snapshot(f.Bob)).Screen);
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion)), RefusalCodes.Invalid);
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Questions, OpinionId: opinion)), RefusalCodes.Invalid);
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion, OpinionId: "o9")), RefusalCodes.NotFound);
        // A café's own map has no national one, and no other view shows a national map.
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Opinion, OpinionId: opinion, National: true)), RefusalCodes.Invalid);
        Refused(f.Session.SetScreen(f.Facilitator, new ScreenRequest(ScreenView.Questions, National: true)), RefusalCodes.Invalid);
        Assert.Equal(new Screen(ScreenView.Opinion, OpinionId: opinion), Ok(f.Session.Snapshot(f.Bob)).Screen);
    }

    [Fact]
    public void Batches_a_gateway_merges_carry_one_count_per_statement_the_latest()
    {
        var (f, opinion) = Opened();
        Ok(Vote(f, f.Alice, opinion, "s1", StatementVote.Agree));
        var first = f.Session.TakeChanges()!;
        Ok(Vote(f, f.Bob, opinion, "s2", StatementVote.Pass));
        Ok(Vote(f, f.Chloe, opinion, "s1", StatementVote.Disagree));
        var second = f.Session.TakeChanges()!;
        var merged = SessionChanges.Merge([first, second]).For(Audience.Staff).Events;
        var counts = Assert.IsType<StatementCountsChanged>(Assert.Single(merged));
        Assert.Equal([("s1", 1, 1), ("s2", 0, 0)], counts.Statements.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (c.Id, c.Agree, c.Disagree)));
    }
}
