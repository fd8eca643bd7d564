using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The kiosk over the hub: turns as anonymous on-site ballots, undo, revocation, and what a kiosk may not do.</summary>
public sealed class KioskHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private HubSession _session = null!;
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _alice = null!;

    public async Task InitializeAsync()
    {
        // Everyone joins before the session starts.
        _session = await HubSession.Start(gateway.BaseAddress, "Café IA à la borne", live: false);
        _created = _session.Created;
        _facilitator = _session.Facilitator;
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Remote));
        await _facilitator.Invoke("StartSession");
    }

    public Task DisposeAsync() => _session.DisposeAsync().AsTask();

    private Task<CafeClient> Join(JoinOptions options) => _session.Join(options);

    private async Task<string> OpenPoll()
    {
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA au quotidien ?", PollKind.Single, ["utile", "inutile", "je ne sais pas"]))).PollId;
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        return poll;
    }

    [Fact]
    public async Task Three_people_in_turn_make_three_on_site_ballots_and_undo_removes_the_last()
    {
        var link = await _facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest("Entrée"));
        Assert.NotNull(link.Key);
        var kiosk = await Join(new JoinOptions(Key: link.Key));
        Assert.Equal(Role.Kiosk, kiosk.Joined.Role);
        Assert.Equal(ParticipantMode.Onsite, kiosk.Joined.Snapshot.Me!.Mode);
        Assert.Null(kiosk.Joined.Snapshot.KioskLinks);
        var poll = await OpenPoll();
        await kiosk.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);

        await _alice.Invoke("Vote", new VoteRequest(poll, [2]));
        await kiosk.Invoke("KioskVote", new VoteRequest(poll, [0], OpId: "turn-1"));
        await kiosk.Invoke("KioskVote", new VoteRequest(poll, [0], OpId: "turn-2"));
        // A retried turn (same opId) is one turn, not two.
        await kiosk.Invoke("KioskVote", new VoteRequest(poll, [0], OpId: "turn-2"));
        await kiosk.Invoke("KioskVote", new VoteRequest(poll, [1], OpId: "turn-3"));

        var results = (await _facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 4)).Results;
        Assert.Equal([2, 1, 0], results.Onsite);
        Assert.Equal([0, 0, 1], results.Remote);
        Assert.Equal((3, 1), (results.VotersOnsite, results.VotersRemote));

        var undone = await kiosk.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef(OpId: "undo-1"));
        Assert.Equal(poll, undone.PollId);
        results = (await _facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 3)).Results;
        Assert.Equal([2, 0, 0], results.Onsite);

        // The staff undo the kiosk's turns by its link.
        await _facilitator.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef(link.Id));
        await _facilitator.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef(link.Id));
        Assert.Equal(RefusalCodes.NotFound, await CafeClient.RefusalCode(() => kiosk.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef())));
        var final = (await _facilitator.Snapshot()).Polls.Single(p => p.Id == poll).Results!;
        Assert.Equal((1, 0), (final.Voters, final.VotersOnsite));
    }

    [Fact]
    public async Task A_kiosk_takes_no_part_as_one_person_and_others_cannot_take_kiosk_turns()
    {
        var link = await _facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest(null));
        var kiosk = await Join(new JoinOptions(Key: link.Key));
        var poll = await OpenPoll();
        await kiosk.WaitFor<PollUpdated>(e => e.Poll.Id == poll);
        var seq = (await _facilitator.Snapshot()).Seq;
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => kiosk.Invoke("Vote", new VoteRequest(poll, [0]))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => kiosk.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("?"))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("KioskVote", new VoteRequest(poll, [0]))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _facilitator.Invoke("KioskVote", new VoteRequest(poll, [0]))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef(link.Id))));
        Assert.Equal(seq, (await _facilitator.Snapshot()).Seq);
        Assert.Equal(link.Id, Assert.Single((await _facilitator.Snapshot()).KioskLinks!).Id);
    }

    [Fact]
    public async Task A_revoked_kiosk_key_is_refused_and_the_open_kiosk_is_closed()
    {
        var link = await _facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest("Salle"));
        var kiosk = await Join(new JoinOptions(Key: link.Key));
        var poll = await OpenPoll();
        await kiosk.WaitFor<PollUpdated>(e => e.Poll.Id == poll);
        await kiosk.Invoke("KioskVote", new VoteRequest(poll, [1]));

        await _facilitator.Invoke("RevokeKioskLink", new KioskLinkRef(link.Id));
        await kiosk.WaitClosed();
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
            Join(new JoinOptions(Key: link.Key))));
        var snapshot = await _facilitator.Snapshot();
        Assert.Empty(snapshot.KioskLinks!);
        // Its ballots stay counted.
        Assert.Equal(1, snapshot.Polls.Single(p => p.Id == poll).Results!.VotersOnsite);
    }
}
