using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>The agenda: prepared with SetAgenda, walked through with NextActivity and FocusActivity.</summary>
public sealed class AgendaTests
{
    private const string SecretNotes = "Relancer si silence : citer l'exemple du CV";

    private static (SessionFixture F, ManualClock Clock, string Poll, string Opinion) Prepared(bool live = true)
    {
        var clock = new ManualClock();
        var f = new SessionFixture(live: false, clock: clock);
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("Prêts ?", PollKind.Single, ["oui", "non"]))).PollId;
        var opinion = Ok(f.Session.CreateOpinion(f.Facilitator, new CreateOpinionRequest("L'IA au travail", ["Elle aide", "Elle menace"]))).OpinionId;
        Ok(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest(
        [
            new ActivityDefinition(Kind: AgendaActivityKind.Text, Title: "Accueil", DurationMinutes: 5, Notes: SecretNotes, ShowTimer: true),
            new ActivityDefinition(Kind: AgendaActivityKind.Poll, Title: "Premier vote", DurationMinutes: 10, PollId: poll, OpenOnStart: true, ShowTimer: true),
            new ActivityDefinition(Id: "carte", Kind: AgendaActivityKind.Opinion, Title: "Carte des opinions", DurationMinutes: 20, OpinionId: opinion, OpenOnStart: true),
            new ActivityDefinition(Kind: AgendaActivityKind.Questions, Title: "Questions", DurationMinutes: 15),
            new ActivityDefinition(Kind: AgendaActivityKind.Break, Title: "Pause", DurationMinutes: 0),
        ])));
        if (live)
        {
            Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Live));
        }
        f.Session.TakeChanges();
        return (f, clock, poll, opinion);
    }

    [Fact]
    public void The_agenda_keeps_its_order_and_given_ids_and_numbers_the_others()
    {
        var (f, _, poll, _) = Prepared();
        var agenda = Ok(f.Session.Snapshot(f.Facilitator)).Agenda!;
        Assert.Equal(["a1", "a2", "carte", "a3", "a4"], agenda.Select(a => a.Id));
        Assert.Equal(poll, agenda[1].PollId);
        Assert.Equal(SecretNotes, agenda[0].Notes);
        Assert.Null(Ok(f.Session.Snapshot(f.Facilitator)).CurrentActivity);
    }

    [Fact]
    public void Notes_reach_the_staff_only_in_snapshots_and_events()
    {
        var (f, _, _, _) = Prepared();
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        var moderator = f.Moderator();
        Assert.Equal(SecretNotes, Ok(f.Session.Snapshot(moderator)).Agenda![0].Notes);
        foreach (var who in new[] { f.Alice, projector })
        {
            var agenda = Ok(f.Session.Snapshot(who)).Agenda!;
            Assert.Equal(5, agenda.Length);
            Assert.All(agenda, a => Assert.Null(a.Notes));
        }
        f.Session.TakeChanges();
        var current = Ok(f.Session.Snapshot(f.Facilitator)).Agenda!;
        Ok(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest([.. current.Reverse().Select(Definition)])));
        var batch = f.Session.TakeChanges()!;
        Assert.Equal(SecretNotes, batch.For(Audience.Staff).Events.OfType<AgendaChanged>().Single().Activities[^1].Notes);
        foreach (var group in new[] { Audience.Participants, Audience.Projector })
        {
            var changed = batch.For(group).Events.OfType<AgendaChanged>().Single();
            Assert.Equal("a1", changed.Activities[^1].Id);
            Assert.All(changed.Activities, a => Assert.Null(a.Notes));
        }
    }

    [Fact]
    public void Next_moves_the_focus_opens_the_poll_starts_the_timer_and_puts_the_poll_on_the_screen()
    {
        var (f, clock, poll, _) = Prepared();
        Ok(f.Session.NextActivity(f.Facilitator));
        var first = f.Session.TakeChanges()!.For(Audience.Projector).Events;
        Assert.Contains(first, e => e is ActivityChanged { ActivityId: "a1", Timer.DurationMinutes: 5 });
        Assert.Contains(new ScreenChanged(ScreenView.Agenda), first);

        clock.Advance(TimeSpan.FromMinutes(4));
        Ok(f.Session.NextActivity(f.Facilitator));
        var events = f.Session.TakeChanges()!.For(Audience.Participants).Events;
        var now = clock.GetUtcNow();
        Assert.Contains(new ActivityChanged("a2", new ActivityTimer("a2", now, 10, now.AddMinutes(10))), events);
        Assert.Contains(events, e => e is PollUpdated { Poll.State: PollState.Open } u && u.Poll.Id == poll);
        Assert.Contains(new ScreenChanged(ScreenView.Activity, poll), events);
        var snapshot = Ok(f.Session.Snapshot(f.Alice));
        Assert.Equal("a2", snapshot.CurrentActivity);
        Assert.Equal(now.AddMinutes(10), snapshot.Timer!.EndsAt);
        Assert.Equal(PollState.Open, snapshot.Polls.Single(p => p.Id == poll).State);
    }

    [Fact]
    public void Focus_opens_an_opinion_map_and_an_activity_without_duration_runs_no_timer()
    {
        var (f, _, _, opinion) = Prepared();
        Ok(f.Session.FocusActivity(f.Facilitator, "carte"));
        var snapshot = Ok(f.Session.Snapshot(f.Alice));
        Assert.Equal(OpinionState.Open, snapshot.Opinions!.Single(o => o.Id == opinion).State);
        Assert.Equal(new Screen(ScreenView.Opinion, OpinionId: opinion), snapshot.Screen);
        Ok(f.Session.FocusActivity(f.Facilitator, "a4"));
        snapshot = Ok(f.Session.Snapshot(f.Alice));
        Assert.Equal(("a4", (ActivityTimer?)null), (snapshot.CurrentActivity, snapshot.Timer));
        Refused(f.Session.NextActivity(f.Facilitator), RefusalCodes.Invalid);
    }

    [Fact]
    public void A_poll_without_open_on_start_stays_a_draft_when_focused()
    {
        var (f, _, poll, _) = Prepared();
        var agenda = Ok(f.Session.Snapshot(f.Facilitator)).Agenda!;
        Ok(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest([.. agenda.Select(a => Definition(a) with { OpenOnStart = false })])));
        Ok(f.Session.FocusActivity(f.Facilitator, "a2"));
        Assert.Equal(PollState.Draft, f.Poll(poll, f.Facilitator).State);
        Assert.Equal(new Screen(ScreenView.Activity, poll), Ok(f.Session.Snapshot(f.Alice)).Screen);
    }

    [Fact]
    public void The_timer_stops_and_extends()
    {
        var (f, _, _, _) = Prepared();
        Refused(f.Session.ExtendTimer(f.Facilitator, new ExtendTimerRequest(5)), RefusalCodes.Invalid);
        Ok(f.Session.NextActivity(f.Facilitator));
        Ok(f.Session.ExtendTimer(f.Facilitator, new ExtendTimerRequest(3)));
        var timer = Ok(f.Session.Snapshot(f.Alice)).Timer!;
        Assert.Equal((8, timer.StartedAt.AddMinutes(8)), (timer.DurationMinutes, timer.EndsAt));
        Refused(f.Session.ExtendTimer(f.Facilitator, new ExtendTimerRequest(0)), RefusalCodes.Invalid);
        Refused(f.Session.ExtendTimer(f.Facilitator, new ExtendTimerRequest(null)), RefusalCodes.Invalid);
        f.Session.TakeChanges();
        Ok(f.Session.StopTimer(f.Facilitator));
        Assert.Contains(new ActivityChanged("a1", null), f.EventsFor(Audience.Projector));
        Ok(f.Session.StopTimer(f.Facilitator));
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void Bad_agendas_are_refused_with_the_field_named_and_change_nothing()
    {
        var (f, _, poll, opinion) = Prepared();
        var before = Ok(f.Session.Snapshot(f.Facilitator)).Agenda!;
        var seq = f.Session.State.Seq;
        (ActivityDefinition Activity, string Code, string Field)[] bad =
        [
            (new(Kind: AgendaActivityKind.Text, Title: " ", DurationMinutes: 5), RefusalCodes.Invalid, "activities[0].title"),
            (new(Kind: null, Title: "Sans genre", DurationMinutes: 5), RefusalCodes.Invalid, "activities[0].kind"),
            (new(Kind: (AgendaActivityKind)42, Title: "Inconnu", DurationMinutes: 5), RefusalCodes.Invalid, "activities[0].kind"),
            (new(Kind: AgendaActivityKind.Text, Title: "Long", DurationMinutes: 601), RefusalCodes.Invalid, "activities[0].durationMinutes"),
            (new(Kind: AgendaActivityKind.Text, Title: "Négatif", DurationMinutes: -1), RefusalCodes.Invalid, "activities[0].durationMinutes"),
            (new(Kind: AgendaActivityKind.Text, Title: "Sans durée"), RefusalCodes.Invalid, "activities[0].durationMinutes"),
            (new(Kind: AgendaActivityKind.Poll, Title: "Sans sondage", DurationMinutes: 5), RefusalCodes.Invalid, "activities[0].pollId"),
            (new(Kind: AgendaActivityKind.Text, Title: "Texte", DurationMinutes: 5, PollId: poll), RefusalCodes.Invalid, "activities[0].pollId"),
            (new(Kind: AgendaActivityKind.Poll, Title: "Inconnu", DurationMinutes: 5, PollId: "p99"), RefusalCodes.NotFound, "activities[0].pollId"),
            (new(Kind: AgendaActivityKind.Opinion, Title: "Inconnue", DurationMinutes: 5, OpinionId: "o99"), RefusalCodes.NotFound, "activities[0].opinionId"),
            (new(Kind: AgendaActivityKind.Poll, Title: "Carte", DurationMinutes: 5, PollId: poll, OpinionId: opinion), RefusalCodes.Invalid, "activities[0].opinionId"),
            (new(Kind: AgendaActivityKind.Break, Title: "Pause", DurationMinutes: 5, OpenOnStart: true), RefusalCodes.Invalid, "activities[0].openOnStart"),
            (new(Id: "a b", Kind: AgendaActivityKind.Break, Title: "Pause", DurationMinutes: 5), RefusalCodes.Invalid, "activities[0].id"),
            (new(Kind: AgendaActivityKind.Text, Title: "Notes", DurationMinutes: 5, Notes: new string('n', 2001)), RefusalCodes.Invalid, "activities[0].notes"),
        ];
        foreach (var (activity, code, field) in bad)
        {
            var outcome = f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest([activity]));
            Refused(outcome, code);
            Assert.Equal(field, outcome.Refusal!.Field);
            Assert.StartsWith(field, outcome.Refusal.Message, StringComparison.Ordinal);
        }
        var twice = f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest(
            [new(Id: "x", Kind: AgendaActivityKind.Break, Title: "Pause", DurationMinutes: 5), new(Id: "x", Kind: AgendaActivityKind.Text, Title: "Fin", DurationMinutes: 5)]));
        Assert.Equal("activities[1].id", twice.Refusal!.Field);
        Refused(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest(null)), RefusalCodes.Invalid);
        Refused(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest(
            [.. Enumerable.Range(0, 51).Select(i => new ActivityDefinition(Kind: AgendaActivityKind.Text, Title: $"T{i}", DurationMinutes: 1))])), RefusalCodes.Invalid);
        Refused(f.Session.SetAgenda(f.Alice, new SetAgendaRequest([])), RefusalCodes.Forbidden);
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(seq, f.Session.State.Seq);
        Assert.Equal(before, Ok(f.Session.Snapshot(f.Facilitator)).Agenda!);
    }

    [Fact]
    public void Running_the_agenda_is_the_facilitators_in_a_live_session_only()
    {
        var (f, _, _, _) = Prepared(live: false);
        Refused(f.Session.NextActivity(f.Facilitator), RefusalCodes.NotLive);
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Live));
        var moderator = f.Moderator();
        foreach (var who in new[] { f.Alice, moderator })
        {
            Refused(f.Session.NextActivity(who), RefusalCodes.Forbidden);
            Refused(f.Session.FocusActivity(who, "a1"), RefusalCodes.Forbidden);
            Refused(f.Session.StopTimer(who), RefusalCodes.Forbidden);
        }
        Refused(f.Session.FocusActivity(f.Facilitator, "nope"), RefusalCodes.NotFound);
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Refused(f.Session.NextActivity(f.Facilitator), RefusalCodes.Closed);
        Refused(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest([])), RefusalCodes.Closed);
    }

    [Fact]
    public void Removing_the_activity_in_focus_clears_the_focus_and_deleting_a_poll_removes_its_activity()
    {
        var (f, _, poll, _) = Prepared();
        Ok(f.Session.FocusActivity(f.Facilitator, "a2"));
        f.Session.TakeChanges();
        Ok(f.Session.DeletePoll(f.Facilitator, poll));
        var events = f.EventsFor(Audience.Participants);
        Assert.Contains(events, e => e is AgendaChanged changed && changed.Activities.All(a => a.Id != "a2") && changed.Activities.Length == 4);
        Assert.Contains(new ActivityChanged(null, null), events);
        var snapshot = Ok(f.Session.Snapshot(f.Alice));
        Assert.Equal((null, (ActivityTimer?)null), (snapshot.CurrentActivity, snapshot.Timer));
    }

    [Fact]
    public void The_same_agenda_again_changes_nothing()
    {
        var (f, _, _, _) = Prepared();
        var agenda = Ok(f.Session.Snapshot(f.Facilitator)).Agenda!;
        Ok(f.Session.SetAgenda(f.Facilitator, new SetAgendaRequest([.. agenda.Select(Definition)])));
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void Details_are_checked_and_the_licence_defaults_to_cc_by_sa()
    {
        var (f, _, _, _) = Prepared();
        Assert.Equal(new SessionDetails(null, null, "CC-BY-SA-4.0"), Ok(f.Session.Snapshot(f.Alice)).Details);
        Ok(f.Session.SetDetails(f.Facilitator, new SessionDetailsRequest("Un débat sur les deepfakes", "Grand public", "CC-BY-4.0")));
        Assert.Contains(new DetailsChanged(new SessionDetails("Un débat sur les deepfakes", "Grand public", "CC-BY-4.0")), f.EventsFor(Audience.Participants));
        Assert.Equal("licence", f.Session.SetDetails(f.Facilitator, new SessionDetailsRequest(Licence: "pas une licence")).Refusal!.Field);
        Assert.Equal("description", f.Session.SetDetails(f.Facilitator, new SessionDetailsRequest(new string('d', 2001))).Refusal!.Field);
        Refused(f.Session.SetDetails(f.Alice, new SessionDetailsRequest("x")), RefusalCodes.Forbidden);
        Assert.Null(f.Session.TakeChanges());
    }

    private static ActivityDefinition Definition(ActivityView a) =>
        new(a.Id, a.Kind, a.Title, a.DurationMinutes, a.Notes, a.PollId, a.OpinionId, a.OpenOnStart, a.ShowTimer);
}
