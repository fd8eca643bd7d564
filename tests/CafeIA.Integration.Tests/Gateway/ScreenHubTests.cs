using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>What the room sees, through the hub: the screen the staff set and the projector's results switch.</summary>
public sealed class ScreenHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private readonly List<CafeClient> _clients = [];
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _moderator = null!, _alice = null!, _projector = null!;

    public async Task InitializeAsync()
    {
        _created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA à l'écran");
        _facilitator = await Join(new JoinOptions(Key: _created.FacilitatorKey));
        _moderator = await Join(new JoinOptions("Modé", Key: _created.ModeratorKey));
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        _projector = await Join(new JoinOptions(Key: _created.ProjectorKey));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private async Task<CafeClient> Join(JoinOptions options)
    {
        var client = await CafeClient.Join(gateway.BaseAddress, _created.JoinCode, options);
        _clients.Add(client);
        return client;
    }

    [Fact]
    public async Task A_participant_or_the_projector_calling_SetScreen_is_forbidden()
    {
        foreach (var screen in new[] { _alice, _projector })
        {
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                screen.Invoke("SetScreen", new ScreenRequest(ScreenView.Blank))));
        }
        Assert.Equal(new Screen(ScreenView.Join), (await _facilitator.Snapshot()).Screen);
    }

    [Fact]
    public async Task A_moderators_screen_reaches_the_projector_and_the_phones_and_their_next_snapshot()
    {
        await _facilitator.Invoke("StartSession");
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Prêts ?", PollKind.Single, ["oui", "non"]))).PollId;
        Assert.Equal(new Screen(ScreenView.Join), (await _alice.Snapshot()).Screen);

        // A draft can be focused, then opened.
        await _moderator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, poll));
        foreach (var screen in new[] { _projector, _alice, _facilitator })
        {
            await screen.WaitFor<ScreenChanged>(e => e.View == ScreenView.Activity && e.PollId == poll);
            Assert.Equal(new Screen(ScreenView.Activity, poll), (await screen.Snapshot()).Screen);
        }

        await _facilitator.Invoke("DeletePoll", new PollRef(poll));
        await _projector.WaitFor<ScreenChanged>(e => e.View == ScreenView.Join);
        Assert.Equal(new Screen(ScreenView.Join), (await _alice.Snapshot()).Screen);
    }

    [Fact]
    public async Task Bad_screen_calls_are_refused_with_stable_codes_and_the_same_screen_again_takes_no_seq()
    {
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Prêts ?", PollKind.Single, ["oui", "non"]))).PollId;
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _moderator.Invoke("SetScreen", new { view = "moon" })));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _moderator.Invoke("SetScreen", new { view = "questions", pollId = poll })));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _moderator.Invoke("SetScreen", new { view = "activity" })));
        Assert.Equal(RefusalCodes.NotFound, await CafeClient.RefusalCode(() => _moderator.Invoke("SetScreen", new { view = "activity", pollId = "p99" })));

        await _moderator.Invoke("SetScreen", new { view = "pinned" });
        var seq = (await _facilitator.Snapshot()).Seq;
        await _facilitator.Invoke("SetScreen", new { view = "pinned" });
        Assert.Equal(seq, (await _facilitator.Snapshot()).Seq);
    }

    [Fact]
    public async Task The_projectors_results_switch_and_HideResults_reach_the_screens()
    {
        await _facilitator.Invoke("StartSession");
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, ["oui", "non"]))).PollId;
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        var opened = await _projector.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);
        Assert.True(opened.Poll.ResultsOnScreen);
        Assert.NotNull(opened.Poll.OpenedAt);

        await _moderator.Invoke("ShowResultsOnScreen", new ResultsOnScreenRequest(poll, false));
        await _projector.WaitFor<PollUpdated>(e => e.Poll.Id == poll && !e.Poll.ResultsOnScreen && e.Poll.Results is not null);
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("ShowResultsOnScreen", new ResultsOnScreenRequest(poll, true))));

        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _moderator.Invoke("HideResults", new PollRef(poll))));
        await _facilitator.Invoke("HideResults", new PollRef(poll));
        await _alice.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.HideResults && e.Poll.Results is null);
        Assert.Null((await _alice.Snapshot()).Polls.Single(p => p.Id == poll).Results);
        Assert.NotNull((await _projector.Snapshot()).Polls.Single(p => p.Id == poll).Results);
    }

    [Fact]
    public async Task The_screen_and_the_timers_travel_as_the_protocol_says()
    {
        await _facilitator.Invoke("StartSession");
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, ["oui", "non"]))).PollId;
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        await using var raw = await RawHubClient.Connect(gateway.BaseAddress);
        await raw.SendText($"{{\"type\":1,\"invocationId\":\"j\",\"target\":\"JoinSession\",\"arguments\":[\"{_created.JoinCode}\",{{\"key\":\"{_created.ProjectorKey}\"}}]}}\u001e");
        var snapshot = (await Next(raw, m => m.GetProperty("type").GetInt32() == 3)).GetProperty("result").GetProperty("snapshot");
        Assert.Equal("""{"view":"join"}""", snapshot.GetProperty("screen").GetRawText());
        Assert.True(DateTimeOffset.TryParse(snapshot.GetProperty("startedAt").GetString(), out _));
        var polled = snapshot.GetProperty("polls")[0];
        Assert.True(polled.GetProperty("resultsOnScreen").GetBoolean());
        Assert.True(DateTimeOffset.TryParse(polled.GetProperty("openedAt").GetString(), out _));

        await _moderator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, poll));
        var changed = await Next(raw, m => m.GetProperty("type").GetInt32() == 1 && m.GetProperty("target").GetString() == ScreenEvents.Changes
            && m.GetProperty("arguments")[0].GetProperty("events").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "screenChanged"));
        var screenChanged = changed.GetProperty("arguments")[0].GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "screenChanged");
        Assert.Equal($$"""{"type":"screenChanged","view":"activity","pollId":"{{poll}}"}""", screenChanged.GetRawText());
    }

    private static async Task<JsonElement> Next(RawHubClient raw, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (true)
        {
            var message = await raw.Receive().WaitAsync(timeout.Token) ?? throw new InvalidOperationException("closed");
            var root = JsonDocument.Parse(message).RootElement;
            if (match(root))
            {
                return root.Clone();
            }
        }
    }
}
