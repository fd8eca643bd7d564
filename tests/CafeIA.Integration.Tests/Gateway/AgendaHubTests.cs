using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The agenda over real SignalR: "next" moves the focus, opens the poll, starts the timer, and the room sees it; notes stay with the staff.</summary>
public sealed class AgendaHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private const string Notes = "NOTE-PRIVEE-7f3: relancer avec l'exemple du CV";

    [Fact]
    public async Task Next_moves_the_focus_opens_the_poll_starts_the_timer_and_the_projector_receives_it()
    {
        await using var café = await HubSession.Start(gateway.BaseAddress, "Café IA au programme");
        var projector = await café.Projector();
        var alice = await café.Participant("Alice", ParticipantMode.Onsite);
        var poll = (await café.Facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA vous aide-t-elle ?", PollKind.Single, ["oui", "non"]))).PollId;
        await café.Facilitator.Invoke("SetAgenda", new SetAgendaRequest(
        [
            new ActivityDefinition(Kind: AgendaActivityKind.Text, Title: "Accueil", DurationMinutes: 5, Notes: Notes),
            new ActivityDefinition(Kind: AgendaActivityKind.Poll, Title: "Premier vote", DurationMinutes: 10, PollId: poll, OpenOnStart: true, ShowTimer: true),
        ]));
        var agenda = (await projector.WaitFor<AgendaChanged>(e => e.Activities.Length == 2)).Activities;
        Assert.All(agenda, a => Assert.Null(a.Notes));
        Assert.Equal(Notes, (await café.Facilitator.WaitFor<AgendaChanged>(e => e.Activities.Length == 2)).Activities[0].Notes);

        await café.Facilitator.Invoke("NextActivity");
        await projector.WaitFor<ActivityChanged>(e => e.ActivityId == "a1");
        var before = DateTimeOffset.UtcNow;
        await café.Facilitator.Invoke("NextActivity");
        var focused = await projector.WaitFor<ActivityChanged>(e => e.ActivityId == "a2");
        Assert.Equal(("a2", 10), (focused.Timer!.ActivityId, focused.Timer.DurationMinutes));
        Assert.InRange(focused.Timer.StartedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(focused.Timer.StartedAt.AddMinutes(10), focused.Timer.EndsAt);
        await projector.WaitFor<ScreenChanged>(e => e.View == ScreenView.Activity && e.PollId == poll);
        await alice.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);

        var seen = await projector.Snapshot();
        Assert.Equal(("a2", new Screen(ScreenView.Activity, poll)), (seen.CurrentActivity, seen.Screen));
        Assert.Equal(focused.Timer, seen.Timer);
        Assert.True(seen.Agenda!.Single(a => a.Id == "a2").ShowTimer);
        // The poll opened by "next" takes ballots.
        await alice.Invoke("Vote", new VoteRequest(poll, [0]));

        await café.Facilitator.Invoke("ExtendTimer", new ExtendTimerRequest(5));
        await projector.WaitFor<ActivityChanged>(e => e.Timer is { DurationMinutes: 15 });
        await café.Facilitator.Invoke("StopTimer");
        await projector.WaitFor<ActivityChanged>(e => e.ActivityId == "a2" && e.Timer is null);
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => café.Facilitator.Invoke("NextActivity")));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => alice.Invoke("NextActivity")));
    }

    [Fact]
    public async Task Notes_never_reach_a_participants_phone_nor_the_projector_in_any_byte()
    {
        await using var café = await HubSession.Start(gateway.BaseAddress, "Café IA discret");
        await café.Facilitator.Invoke("SetAgenda", new SetAgendaRequest(
            [new ActivityDefinition(Kind: AgendaActivityKind.Questions, Title: "Questions", DurationMinutes: 15, Notes: Notes, ShowTimer: true)]));
        await using var phone = await RawHubClient.Connect(gateway.BaseAddress);
        await using var screen = await RawHubClient.Connect(gateway.BaseAddress);
        var code = café.Created.JoinCode;
        await phone.SendText($"{{\"type\":1,\"invocationId\":\"j\",\"target\":\"JoinSession\",\"arguments\":[\"{code}\",{{\"mode\":\"onsite\"}}]}}\u001e");
        await screen.SendText($"{{\"type\":1,\"invocationId\":\"j\",\"target\":\"JoinSession\",\"arguments\":[\"{code}\",{{\"key\":\"{café.Created.ProjectorKey}\"}}]}}\u001e");
        var phoneBytes = new List<string>();
        var screenBytes = new List<string>();
        var joined = await Next(phone, phoneBytes, m => m.Contains("\"invocationId\":\"j\"", StringComparison.Ordinal));
        Assert.Contains("\"agenda\":[{\"id\":\"a1\",\"kind\":\"questions\",\"title\":\"Questions\",\"durationMinutes\":15", joined, StringComparison.Ordinal);
        await Next(screen, screenBytes, m => m.Contains("\"invocationId\":\"j\"", StringComparison.Ordinal));

        // Edit the agenda (the notes go with it), then run it: every event the room gets is read.
        await café.Facilitator.Invoke("SetAgenda", new SetAgendaRequest(
        [
            new ActivityDefinition("a1", AgendaActivityKind.Questions, "Questions", 15, Notes + " (bis)", ShowTimer: true),
            new ActivityDefinition(Kind: AgendaActivityKind.Break, Title: "Pause", DurationMinutes: 10, Notes: Notes),
        ]));
        await café.Facilitator.Invoke("NextActivity");
        await café.Facilitator.Invoke("NextActivity");
        foreach (var (raw, bytes) in new[] { (phone, phoneBytes), (screen, screenBytes) })
        {
            await Next(raw, bytes, m => m.Contains("\"type\":\"activityChanged\",\"activityId\":\"a2\"", StringComparison.Ordinal));
            Assert.Contains(bytes, m => m.Contains("\"type\":\"agendaChanged\"", StringComparison.Ordinal));
            Assert.DoesNotContain(bytes, m => m.Contains("NOTE-PRIVEE", StringComparison.Ordinal) || m.Contains("\"notes\"", StringComparison.Ordinal));
        }
        var staff = await café.Facilitator.Snapshot();
        Assert.Equal(Notes, staff.Agenda!.Single(a => a.Id == "a2").Notes);
    }

    private static async Task<string> Next(RawHubClient raw, List<string> received, Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (true)
        {
            var message = await raw.Receive().WaitAsync(timeout.Token) ?? throw new InvalidOperationException("closed");
            received.Add(message);
            if (match(message))
            {
                return message;
            }
        }
    }
}
