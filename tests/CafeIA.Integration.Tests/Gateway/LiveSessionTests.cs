using Microsoft.AspNetCore.SignalR.Client;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Three participants and a facilitator, each a real SignalR client on a real socket, against the
/// embedded gateway: what one does, the others see.
/// </summary>
public sealed class LiveSessionTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private readonly List<CafeClient> _clients = [];
    private CafeClient _facilitator = null!, _alice = null!, _bob = null!, _chloe = null!;

    public async Task InitializeAsync()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA de Limoges");
        _facilitator = await Join(created.JoinCode, new JoinOptions(Key: created.FacilitatorKey, Mode: ParticipantMode.Onsite));
        _alice = await Join(created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        _bob = await Join(created.JoinCode, new JoinOptions("Bob", ParticipantMode.Onsite));
        _chloe = await Join(created.JoinCode, new JoinOptions("Chloé", ParticipantMode.Remote));
        await _facilitator.Invoke("StartSession");
        foreach (var client in _clients)
        {
            await client.WaitFor<SessionStateChanged>(e => e.State == SessionPhase.Live);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private async Task<CafeClient> Join(string code, JoinOptions options)
    {
        var client = await CafeClient.Join(gateway.BaseAddress, code, options);
        _clients.Add(client);
        return client;
    }

    [Fact]
    public async Task A_question_appears_everywhere_and_upvotes_move_it_by_exactly_one()
    {
        var asked = await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui contrôle les algorithmes ?"));
        foreach (var other in new[] { _bob, _chloe, _facilitator })
        {
            var seen = await other.WaitFor<QuestionAsked>(e => e.Question.Id == asked.QuestionId);
            Assert.Equal("Qui contrôle les algorithmes ?", seen.Question.Text);
            Assert.Equal(ParticipantMode.Onsite, seen.Question.Mode);
        }

        await _bob.Invoke("Upvote", new QuestionRef(asked.QuestionId));
        foreach (var client in _clients)
        {
            await client.WaitFor<QuestionVotesChanged>(e => e.QuestionId == asked.QuestionId && e.Votes == 1);
        }

        var seqBefore = (await _bob.Snapshot()).Seq;
        await _bob.Invoke("Upvote", new QuestionRef(asked.QuestionId));
        var afterSecond = await _bob.Snapshot();
        Assert.Equal(seqBefore, afterSecond.Seq);
        Assert.Equal(1, afterSecond.Questions.Single(q => q.Id == asked.QuestionId).Votes);

        await _chloe.Invoke("Upvote", new QuestionRef(asked.QuestionId));
        foreach (var client in _clients)
        {
            await client.WaitFor<QuestionVotesChanged>(e => e.QuestionId == asked.QuestionId && e.Votes == 2);
        }

        await _bob.Invoke("RemoveUpvote", new QuestionRef(asked.QuestionId));
        foreach (var client in _clients)
        {
            // Votes went 1 → 2 → 1: the second 1 is the retract.
            await Eventually.Get(() => Task.FromResult(client.Batches.SelectMany(b => b.Events).OfType<QuestionVotesChanged>()
                .Where(e => e.QuestionId == asked.QuestionId).Select(e => e.Votes).ToArray()), v => v.SequenceEqual([1, 2, 1]), "the retract");
        }
        var snapshot = await _bob.Snapshot();
        var question = snapshot.Questions.Single(q => q.Id == asked.QuestionId);
        Assert.Equal(1, question.Votes);
        Assert.False(question.Upvoted);
    }

    [Fact]
    public async Task A_poll_counts_one_ballot_per_participant_split_on_site_and_remote()
    {
        var poll = await _facilitator.Invoke<PollCreated>("CreatePoll",
            new CreatePollRequest("L'IA au travail, plutôt :", PollKind.Single, ["une aide", "une menace", "les deux"]));
        await _facilitator.Invoke("OpenPoll", new PollRef(poll.PollId));
        await _chloe.WaitFor<PollUpdated>(e => e.Poll.Id == poll.PollId && e.Poll.State == PollState.Open);

        await _alice.Invoke("Vote", new VoteRequest(poll.PollId, [0]));
        await _bob.Invoke("Vote", new VoteRequest(poll.PollId, [2]));
        await _chloe.Invoke("Vote", new VoteRequest(poll.PollId, [0]));
        await _alice.Invoke("Vote", new VoteRequest(poll.PollId, [0]));

        var results = (await _facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll.PollId && e.Results.Voters == 3)).Results;
        Assert.Equal([2, 0, 1], results.Counts);

        await _alice.Invoke("Vote", new VoteRequest(poll.PollId, [1]));
        results = (await _bob.WaitFor<PollResultsChanged>(e => e.PollId == poll.PollId && e.Results.Counts[1] == 1)).Results;
        Assert.Equal([1, 1, 1], results.Counts);
        Assert.Equal([0, 1, 1], results.Onsite);
        Assert.Equal([1, 0, 0], results.Remote);
        Assert.Equal(results.Counts, results.Onsite.Zip(results.Remote, (a, b) => a + b));
        Assert.Equal(3, results.Voters);

        await _facilitator.Invoke("ClosePoll", new PollRef(poll.PollId));
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => _bob.Invoke("Vote", new VoteRequest(poll.PollId, [0]))));
        var final = (await _bob.Snapshot()).Polls.Single(p => p.Id == poll.PollId);
        Assert.Equal(PollState.Closed, final.State);
        Assert.Equal([1, 1, 1], final.Results!.Counts);
        Assert.Equal([2], final.MyChoices!);
    }

    [Fact]
    public async Task A_participant_cannot_create_open_or_close_a_poll()
    {
        var poll = await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Prêts ?", PollKind.Single, ["oui", "non"]));
        var before = await _facilitator.Snapshot();

        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
            _alice.Invoke("CreatePoll", new CreatePollRequest("Pirate ?", PollKind.Single, ["a", "b"]))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("OpenPoll", new PollRef(poll.PollId))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _chloe.Invoke("ClosePoll", new PollRef(poll.PollId))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _bob.Invoke("EndSession")));

        var after = await _facilitator.Snapshot();
        Assert.Equal(before.Seq, after.Seq);
        Assert.Equal(PollState.Draft, after.Polls.Single(p => p.Id == poll.PollId).State);
        Assert.Equal(before.Polls.Length, after.Polls.Length);
    }

    [Fact]
    public async Task Reconnecting_with_the_resume_token_gives_back_the_same_participant()
    {
        var question = await _bob.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Et la vie privée ?"));
        await _alice.Invoke("Upvote", new QuestionRef(question.QuestionId));
        var poll = await _facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Choisissez", PollKind.Multiple, ["a", "b", "c"]));
        await _facilitator.Invoke("OpenPoll", new PollRef(poll.PollId));
        await _alice.Invoke("Vote", new VoteRequest(poll.PollId, [0, 2]));
        var token = _alice.Joined.ResumeToken;
        var code = _alice.Joined.Snapshot.JoinCode;
        await _alice.DisposeAsync();
        _clients.Remove(_alice);

        await using var back = await CafeClient.Join(gateway.BaseAddress, code, new JoinOptions(null, ParticipantMode.Remote, token));

        Assert.Equal(_alice.ParticipantId, back.ParticipantId);
        Assert.Equal("Alice", back.Joined.Snapshot.Me!.DisplayName);
        Assert.True(back.Joined.Snapshot.Questions.Single(q => q.Id == question.QuestionId).Upvoted);
        Assert.Equal([0, 2], back.Joined.Snapshot.Polls.Single(p => p.Id == poll.PollId).MyChoices!);
        // Still one upvote: the same participant, not a new one.
        await back.Invoke("Upvote", new QuestionRef(question.QuestionId));
        Assert.Equal(1, (await back.Snapshot()).Questions.Single(q => q.Id == question.QuestionId).Votes);
    }

    [Fact]
    public async Task Presence_counts_follow_connections_on_site_and_remote()
    {
        Assert.Equal(new Counts(2, 1), (await _facilitator.Snapshot()).Counts);
        await _chloe.DisposeAsync();
        _clients.Remove(_chloe);
        await _facilitator.WaitFor<CountsChanged>(e => e.Counts == new Counts(2, 0));
    }

    [Fact]
    public async Task Calls_before_joining_are_forbidden_and_a_bad_code_is_refused()
    {
        await using var client = await CafeClient.Connect(gateway.BaseAddress);
        var raw = client.Hub;
        {
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => raw.Call("AskQuestion", new AskQuestionRequest("?"))));
            Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => raw.Call<JoinResult>("JoinSession", "nope", new JoinOptions())));
            Assert.Equal(RefusalCodes.NotFound, await CafeClient.RefusalCode(() => raw.Call<JoinResult>("JoinSession", "ZZZZZZ", new JoinOptions())));
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                raw.Call<JoinResult>("JoinSession", _alice.Joined.Snapshot.JoinCode, new JoinOptions(Key: "wrong-key"))));
        }
    }
}
