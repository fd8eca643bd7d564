using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>Counting hands over the hub: the staff record the room's show of hands, every screen gets the three-way split.</summary>
public sealed class HandCountHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private HubSession _session = null!;
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _moderator = null!, _alice = null!, _chloe = null!, _projector = null!;

    public async Task InitializeAsync()
    {
        // Everyone joins before the session starts.
        _session = await HubSession.Start(gateway.BaseAddress, "Café IA à mains levées", live: false);
        _created = _session.Created;
        _facilitator = _session.Facilitator;
        _moderator = await Join(new JoinOptions("Médiatrice", Key: _created.ModeratorKey));
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        _chloe = await Join(new JoinOptions("Chloé", ParticipantMode.Remote));
        _projector = await Join(new JoinOptions(Key: _created.ProjectorKey));
        await _facilitator.Invoke("StartSession");
    }

    public Task DisposeAsync() => _session.DisposeAsync().AsTask();

    private Task<CafeClient> Join(JoinOptions options) => _session.Join(options);

    private async Task<string> OpenPoll()
    {
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Avez-vous déjà utilisé une IA ?", PollKind.Single, ["oui", "non", "je ne sais pas"]))).PollId;
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        await _chloe.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);
        return poll;
    }

    [Fact]
    public async Task A_recorded_show_of_hands_reaches_every_screen_as_the_third_split()
    {
        var poll = await OpenPoll();
        await _alice.Invoke("Vote", new VoteRequest(poll, [0]));
        await _chloe.Invoke("Vote", new VoteRequest(poll, [1]));
        await _moderator.Invoke("RecordHandCount", new HandCountRequest(poll, [5, 2, 1], "hands-1"));

        foreach (var screen in new[] { _alice, _projector, _facilitator })
        {
            var results = await Eventually.Get(async () => (await screen.Snapshot()).Polls.Single(p => p.Id == poll).Results!,
                r => r.VotersNoDevice == 8 && r.Voters == 10, "the hands in the results");
            Assert.Equal([1, 0, 0], results.Onsite);
            Assert.Equal([0, 1, 0], results.Remote);
            Assert.Equal([5, 2, 1], results.NoDevice!);
            Assert.Equal([6, 3, 1], results.Counts);
        }
        var live = await _projector.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.Results?.VotersNoDevice == 8);
        Assert.Null(live.Poll.HandCount);
        var staffView = (await _facilitator.Snapshot()).Polls.Single(p => p.Id == poll);
        Assert.Equal([5, 2, 1], staffView.HandCount!);
        Assert.Null((await _alice.Snapshot()).Polls.Single(p => p.Id == poll).HandCount);

        await _facilitator.Invoke("ClearHandCount", new PollRef(poll));
        await Eventually.Get(async () => (await _alice.Snapshot()).Polls.Single(p => p.Id == poll).Results!,
            r => r.VotersNoDevice == 0 && r.Voters == 2, "the hands cleared");
    }

    [Fact]
    public async Task A_participant_recording_hands_is_forbidden_and_bad_counts_are_invalid_and_change_nothing()
    {
        var poll = await OpenPoll();
        await _facilitator.Invoke("RecordHandCount", new HandCountRequest(poll, [3, 0, 0]));
        var seq = (await _facilitator.Snapshot()).Seq;

        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("RecordHandCount", new HandCountRequest(poll, [9, 9, 9]))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _projector.Invoke("RecordHandCount", new HandCountRequest(poll, [9, 9, 9]))));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _facilitator.Invoke("RecordHandCount", new HandCountRequest(poll, [1, -2, 0]))));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _facilitator.Invoke("RecordHandCount", new HandCountRequest(poll, [1, 2]))));

        var after = await _facilitator.Snapshot();
        Assert.Equal(seq, after.Seq);
        var results = after.Polls.Single(p => p.Id == poll).Results!;
        Assert.Equal([3, 0, 0], results.NoDevice!);
        Assert.Equal([3, 0, 0], results.Counts);
    }
}
