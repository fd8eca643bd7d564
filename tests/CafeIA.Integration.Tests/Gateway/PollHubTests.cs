using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>Poll kinds and hidden results through the hub, as each screen receives them.</summary>
public sealed class PollHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private HubSession _session = null!;
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _alice = null!, _chloe = null!, _projector = null!;

    public async Task InitializeAsync()
    {
        // Everyone joins before the session starts.
        _session = await HubSession.Start(gateway.BaseAddress, "Café IA sondé", live: false);
        _created = _session.Created;
        _facilitator = _session.Facilitator;
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        _chloe = await Join(new JoinOptions("Chloé", ParticipantMode.Remote));
        _projector = await Join(new JoinOptions(Key: _created.ProjectorKey));
        await _facilitator.Invoke("StartSession");
    }

    public Task DisposeAsync() => _session.DisposeAsync().AsTask();

    private Task<CafeClient> Join(JoinOptions options) => _session.Join(options);

    private async Task<string> OpenPoll(CreatePollRequest request)
    {
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", request)).PollId;
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        await _chloe.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);
        return poll;
    }

    [Fact]
    public async Task Hidden_results_never_reach_participants_before_the_reveal_but_reach_staff_and_projector()
    {
        var poll = await OpenPoll(new CreatePollRequest("Faut-il réguler l'IA ?", PollKind.Single, ["oui", "non"], HideResults: true));
        await _alice.Invoke("Vote", new VoteRequest(poll, [0]));
        await _chloe.Invoke("Vote", new VoteRequest(poll, [0]));

        var staffResults = await _facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 2);
        var projectorResults = await _projector.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 2);
        Assert.Equal([2, 0], staffResults.Results.Counts);
        Assert.Equal([2, 0], projectorResults.Results.Counts);
        var seq = (await _facilitator.Snapshot()).Seq;
        foreach (var participant in new[] { _alice, _chloe })
        {
            // Everything up to the last vote has arrived: none of it carried results.
            await Eventually.Get(() => Task.FromResult(participant.Batches.Max(b => b.Seq)), s => s >= seq, "the last vote's batch");
            var received = participant.Batches.SelectMany(b => b.Events).ToList();
            Assert.DoesNotContain(received, e => e is PollResultsChanged r && r.PollId == poll);
            Assert.All(received.OfType<PollUpdated>().Where(e => e.Poll.Id == poll), e => Assert.Null(e.Poll.Results));
            Assert.Null((await participant.Snapshot()).Polls.Single(p => p.Id == poll).Results);
        }

        await _facilitator.Invoke("RevealResults", new PollRef(poll));
        foreach (var participant in new[] { _alice, _chloe })
        {
            var revealed = await participant.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.Results is not null);
            Assert.Equal([2, 0], revealed.Poll.Results!.Counts);
            Assert.Equal([1, 0], revealed.Poll.Results.Onsite);
        }
    }

    [Fact]
    public async Task A_word_cloud_groups_the_words_of_the_room_and_the_remote_audience()
    {
        var poll = await OpenPoll(new CreatePollRequest("L'IA en un mot ?", PollKind.WordCloud));
        await _alice.Invoke("Vote", new VoteRequest(poll, Words: ["Éthique", "avenir"]));
        await _chloe.Invoke("Vote", new VoteRequest(poll, Words: ["éthique !"]));
        var results = (await _projector.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 2)).Results;
        var ethique = results.Words!.Single(w => w.Count == 2);
        Assert.Equal((1, 1), (ethique.Onsite, ethique.Remote));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _alice.Invoke("Vote", new VoteRequest(poll, Words: ["a", "b", "c", "d"]))));
    }

    [Fact]
    public async Task The_facilitator_edits_a_draft_reopens_a_closed_poll_and_deletes_one()
    {
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Brouillon", PollKind.Rating))).PollId;
        await _facilitator.Invoke("EditPoll", new EditPollRequest(poll, "De 1 à 4 ?", PollKind.Rating, ScaleMax: 4, MinLabel: "pas du tout", MaxLabel: "tout à fait"));
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        var opened = await _chloe.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);
        Assert.Equal(("De 1 à 4 ?", 4, "pas du tout"), (opened.Poll.Question, opened.Poll.ScaleMax, opened.Poll.MinLabel));
        Assert.DoesNotContain(_chloe.Batches.SelectMany(b => b.Events), e => e is PollUpdated u && u.Poll.Id == poll && u.Poll.State == PollState.Draft);

        await _chloe.Invoke("Vote", new VoteRequest(poll, Rating: 4));
        await _facilitator.Invoke("ClosePoll", new PollRef(poll));
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => _alice.Invoke("Vote", new VoteRequest(poll, Rating: 1))));
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        await _alice.Invoke("Vote", new VoteRequest(poll, Rating: 2));
        var results = (await _facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 2)).Results;
        Assert.Equal(new RatingMeans(3, 2, 4), results.Mean);

        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("DeletePoll", new PollRef(poll))));
        await _facilitator.Invoke("DeletePoll", new PollRef(poll));
        await _chloe.WaitFor<PollRemoved>(e => e.PollId == poll);
    }

    [Fact]
    public async Task Open_text_answers_appear_once_approved()
    {
        var poll = await OpenPoll(new CreatePollRequest("Une idée ?", PollKind.OpenText));
        await _chloe.Invoke("Vote", new VoteRequest(poll, Text: "Des ateliers en ligne"));
        var pending = (await _facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 1)).Results.Answers!.Single();
        Assert.Equal(AnswerStatus.Pending, pending.Status);
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("ApproveAnswer", new AnswerRef(poll, pending.Id))));
        await _facilitator.Invoke("ApproveAnswer", new AnswerRef(poll, pending.Id));
        var shown = await _alice.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Answers!.Length == 1);
        Assert.Equal(("Des ateliers en ligne", ParticipantMode.Remote), (shown.Results.Answers![0].Text, shown.Results.Answers[0].Mode));
    }
}
