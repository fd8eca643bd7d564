using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Orleans.Runtime;

namespace CafeIA.Integration.Tests.Grains;

public sealed class SessionGrainTests(SessionClusterFixture fixture) : IClassFixture<SessionClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    private async Task<(ISessionGrain Session, SessionCreated Created, string Facilitator)> NewLiveSession()
    {
        var session = Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        var created = (await session.Create("Café IA au lycée")).Value!;
        var facilitator = (await session.Join(new JoinOptions(Key: created.FacilitatorKey))).Value!.ParticipantId;
        Assert.Null((await session.SetPhase(facilitator, SessionPhase.Live)).Refusal);
        return (session, created, facilitator);
    }

    /// <summary>The seq the session's state is at, as a snapshot carries it.</summary>
    private static async Task<long> SeqOf(ISessionGrain session, string participantId) => (await session.GetSnapshot(participantId)).Value!.Seq;

    [Fact]
    public async Task Creating_a_session_claims_its_join_code()
    {
        var id = Guid.NewGuid();
        var created = (await Client.GetGrain<ISessionGrain>(id).Create("Café IA")).Value!;
        Assert.Equal(id, await Client.GetGrain<IJoinCodeGrain>(created.JoinCode).GetSessionId());
        Assert.False(await Client.GetGrain<IJoinCodeGrain>(created.JoinCode).Claim(Guid.NewGuid()));
        Assert.Equal("Café IA", (await Client.GetGrain<ISessionGrain>(id).GetSummary())!.Title);
    }

    [Fact]
    public async Task A_session_cannot_be_created_twice()
    {
        var session = Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        var first = (await session.Create("Un")).Value!;
        Assert.Equal(RefusalCodes.Invalid, (await session.Create("Deux")).Refusal!.Code);
        Assert.Equal("Un", (await session.GetSummary())!.Title);
        Assert.Equal(first.JoinCode, (await session.GetSummary())!.JoinCode);
    }

    [Fact]
    public async Task Commands_on_a_session_that_does_not_exist_are_not_found()
    {
        var session = Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        Assert.Null(await session.GetSummary());
        Assert.Equal(RefusalCodes.NotFound, (await session.Join(new JoinOptions())).Refusal!.Code);
    }

    [Fact]
    public async Task Subscribed_observers_receive_every_change_batch_in_sequence()
    {
        var (session, _, facilitator) = await NewLiveSession();
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<ISessionObserver>(observer);
        await session.Subscribe(reference);

        var alice = (await session.Join(new JoinOptions("Alice", ParticipantMode.Remote))).Value!;
        var question = (await session.Ask(alice.ParticipantId, new AskQuestionRequest("Et l'emploi ?"))).Value!;
        await session.Upvote(facilitator, question.QuestionId);

        var batches = await observer.WaitForCount(3);
        Assert.IsType<CountsChanged>(Assert.Single(batches[0].Events));
        Assert.Equal(question.QuestionId, Assert.IsType<QuestionAsked>(Assert.Single(batches[1].Events)).Question.Id);
        Assert.Equal(1, Assert.IsType<QuestionVotesChanged>(Assert.Single(batches[2].Events)).Votes);
        Assert.Equal([batches[0].Seq, batches[0].Seq + 1, batches[0].Seq + 2], batches.Select(b => b.Seq));
        Assert.Equal(alice.Snapshot.Seq, batches[0].Seq);

        // After unsubscribing, a change reaches a still-subscribed witness but not the first observer.
        var witness = new RecordingObserver();
        var witnessReference = Client.CreateObjectReference<ISessionObserver>(witness);
        await session.Subscribe(witnessReference);
        await session.Unsubscribe(reference);
        await session.Upvote(alice.ParticipantId, question.QuestionId);
        await witness.WaitForCount(1);
        Assert.Equal(3, observer.Count);
        Client.DeleteObjectReference<ISessionObserver>(reference);
        Client.DeleteObjectReference<ISessionObserver>(witnessReference);
    }

    [Fact]
    public async Task A_failing_map_listing_does_not_fail_the_stored_change_its_seq_is_published_and_the_listing_is_retried()
    {
        var (session, created, facilitator) = await NewLiveSession();
        var id = Guid.Parse(created.SessionId);
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<ISessionObserver>(observer);
        await session.Subscribe(reference);
        InjectedFaults.FailMapListing(id, times: 2);

        var published = await session.PublishToMap(facilitator, new CafeListingRequest("Médiathèque de Brest", DateTimeOffset.UtcNow.AddDays(3)));

        Assert.Null(published.Refusal);
        var batch = Assert.Single(await observer.WaitForCount(1));
        Assert.Equal(await SeqOf(session, facilitator), batch.Seq);
        // The map learns it once the listing grain answers again (after the two failures, retried).
        var listing = await Eventually.Get(() => Client.GetGrain<ICafeListingGrain>(id).Get(), l => l is not null, "the listing after its retries");
        Assert.Equal("Médiathèque de Brest", listing!.Place);
        Assert.Equal(0, InjectedFaults.MapListingFailuresLeft(id));
        Client.DeleteObjectReference<ISessionObserver>(reference);
    }

    [Fact]
    public async Task Acknowledged_changes_are_in_storage_when_the_grain_is_reactivated()
    {
        var (session, _, facilitator) = await NewLiveSession();
        var alice = (await session.Join(new JoinOptions("Alice"))).Value!;
        var question = (await session.Ask(alice.ParticipantId, new AskQuestionRequest("Persistée ?"))).Value!;
        var poll = (await session.CreatePoll(facilitator, new CreatePollRequest("Oui ?", PollKind.Single, ["oui", "non"]))).Value!;
        await session.OpenPoll(facilitator, poll.PollId);
        await session.Vote(alice.ParticipantId, new VoteRequest(poll.PollId, [0]));

        // Drop every activation: the next call must load the session from SQLite.
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var snapshot = (await session.GetSnapshot(alice.ParticipantId)).Value!;
        Assert.Equal("Persistée ?", Assert.Single(snapshot.Questions).Text);
        Assert.Equal(question.QuestionId, snapshot.Questions[0].Id);
        Assert.Equal([1, 0], Assert.Single(snapshot.Polls).Results!.Counts);
        Assert.Equal(new Counts(0, 0), snapshot.Counts);
    }

    [Fact]
    public async Task Ballots_arriving_together_are_counted_once_per_batch_in_seq_order_and_every_acknowledged_one_survives_reactivation()
    {
        var (session, _, facilitator) = await NewLiveSession();
        var poll = (await session.CreatePoll(facilitator, new CreatePollRequest("Oui ?", PollKind.Single, ["oui", "non"]))).Value!;
        await session.OpenPoll(facilitator, poll.PollId);
        var voters = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i => (await session.Join(new JoinOptions($"V{i}"))).Value!.ParticipantId));
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<ISessionObserver>(observer);
        await session.Subscribe(reference);
        var before = await SeqOf(session, facilitator);

        var outcomes = await Task.WhenAll(voters.Select((v, i) => session.Vote(v, new VoteRequest(poll.PollId, [i % 2]))));

        Assert.All(outcomes, o => Assert.Null(o.Refusal));
        // As many batches as writes (how many ballots shared a write depends on timing: GroupCommitTests).
        var commits = await SeqOf(session, facilitator) - before;
        // One-way observer calls may arrive out of order (the gateway reorders them by seq).
        var batches = (await observer.WaitForCount((int)commits)).OrderBy(b => b.Seq).ToArray();
        Assert.Equal(Enumerable.Range((int)before + 1, (int)commits).Select(x => (long)x), batches.Select(b => b.Seq));
        // One tally per batch, whatever the number of ballots in it.
        Assert.All(batches, b => Assert.Single(b.Events.OfType<PollResultsChanged>()));
        Assert.Equal(200, batches[^1].Events.OfType<PollResultsChanged>().Single().Results.Voters);
        Client.DeleteObjectReference<ISessionObserver>(reference);

        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var results = Assert.Single((await session.GetSnapshot(facilitator)).Value!.Polls).Results!;
        Assert.Equal([100, 100], results.Counts);
    }

    [Fact]
    public async Task Reaction_tallies_become_a_few_bursts_with_exact_totals_no_seq_and_their_counts_survive_deactivation()
    {
        var (session, created, facilitator) = await NewLiveSession();
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<ISessionObserver>(observer);
        await session.Subscribe(reference);
        var before = await SeqOf(session, facilitator);

        // Forty tallies at once (a gateway's flushes, or forty gateways'): the session publishes the first
        // at once and holds the rest for the next burst, half a second later.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            session.AddReactions(new ReactionTally([new ReactionCount("👏", 1, 0), new ReactionCount("❤️", 0, 2), new ReactionCount("🍕", 9, 9)]))));
        var bursts = await Eventually.Get(() => Task.FromResult(observer.Bursts), b => b.Sum(x => x.Onsite + x.Remote) >= 120, "the bursts of 40 tallies");
        Assert.Equal((40, 80), (bursts.Sum(b => b.Counts.GetValueOrDefault("👏")), bursts.Sum(b => b.Counts.GetValueOrDefault("❤️"))));
        Assert.Equal((40, 80), (bursts.Sum(b => b.Onsite), bursts.Sum(b => b.Remote)));
        Assert.All(bursts, b => Assert.DoesNotContain("🍕", b.Counts.Keys));
        Assert.InRange(bursts.Length, 1, 3);
        Assert.Equal(before, await SeqOf(session, facilitator)); // no event, no seq
        Assert.Equal(0, observer.Count);
        Client.DeleteObjectReference<ISessionObserver>(reference);

        // No command wrote them: the grain saves them as it leaves memory.
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reactions = (await session.GetReport(created.FacilitatorKey)).Value!.Reactions!;
        Assert.Equal((120, 40, 80), (reactions.Total, reactions.Onsite, reactions.Remote));
        Assert.Equal([new ReportReactionCount("👏", 40, 40, 0), new ReportReactionCount("❤️", 80, 0, 80)], reactions.ByKind);
    }

    private sealed class RecordingObserver : ISessionObserver
    {
        private readonly List<ChangeBatch> _batches = [];
        private readonly List<ReactionBurst> _bursts = [];

        public ReactionBurst[] Bursts
        {
            get
            {
                lock (_bursts)
                {
                    return [.. _bursts];
                }
            }
        }

        public Task OnReactions(Guid sessionId, ReactionBurst burst)
        {
            lock (_bursts)
            {
                _bursts.Add(burst);
            }
            return Task.CompletedTask;
        }

        /// <summary>What a facilitator's screen would receive of each change (it is sent every kind of event).</summary>
        private readonly SemaphoreSlim _arrived = new(0);

        public int Count
        {
            get
            {
                lock (_batches)
                {
                    return _batches.Count;
                }
            }
        }

        public Task OnChanges(Guid sessionId, SessionChanges changes)
        {
            lock (_batches)
            {
                _batches.Add(changes.For(Audience.Staff));
            }
            _arrived.Release();
            return Task.CompletedTask;
        }

        public async Task<ChangeBatch[]> WaitForCount(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(15)), $"only {Count} of {count} batches arrived");
            }
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }
}
