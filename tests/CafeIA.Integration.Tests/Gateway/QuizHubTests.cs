using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// A quiz over real SignalR: the grain closes a question by itself when its seconds are up, late
/// ballots are refused, fast correct answers score more, the leaderboard of a scripted run is exact,
/// and each phone receives its own standing and nobody else's.
/// </summary>
public sealed class QuizHubTests(ClockedGatewayFixture gateway) : IClassFixture<ClockedGatewayFixture>, IAsyncLifetime
{
    private readonly List<CafeClient> _clients = [];
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _projector = null!, _alice = null!, _bob = null!, _chloe = null!, _dan = null!, _anonymous = null!;

    public async Task InitializeAsync()
    {
        _created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA quiz");
        _facilitator = await Join(new JoinOptions(Key: _created.FacilitatorKey));
        _projector = await Join(new JoinOptions(Key: _created.ProjectorKey));
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        _bob = await Join(new JoinOptions("Bob", ParticipantMode.Onsite));
        _chloe = await Join(new JoinOptions("Chloé", ParticipantMode.Remote));
        _dan = await Join(new JoinOptions("Dan", ParticipantMode.Remote));
        _anonymous = await Join(new JoinOptions(null, ParticipantMode.Remote));
        await _facilitator.Invoke("StartSession");
    }

    public async Task DisposeAsync()
    {
        gateway.Clock.Thaw();
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private CafeClient[] Participants => [_alice, _bob, _chloe, _dan, _anonymous];

    private async Task<CafeClient> Join(JoinOptions options)
    {
        var client = await CafeClient.Join(gateway.BaseAddress, _created.JoinCode, options);
        _clients.Add(client);
        return client;
    }

    private async Task<string> OpenQuiz(string question, int[] correct, int seconds, int points)
    {
        var poll = (await _facilitator.Invoke<PollCreated>("CreatePoll",
            new CreatePollRequest(question, PollKind.Quiz, ["1956", "1997", "2012", "2022"], Correct: correct, Seconds: seconds, Points: points))).PollId;
        await _facilitator.Invoke("OpenPoll", new PollRef(poll));
        foreach (var participant in Participants)
        {
            var opened = await participant.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);
            Assert.Null(opened.Poll.Correct);   // the answer stays on the staff's screens
            Assert.Equal(opened.Poll.OpenedAt!.Value.AddSeconds(seconds), opened.Poll.ClosesAt);
        }
        return poll;
    }

    private static Task Answer(CafeClient who, string poll, params int[] choices) => who.Invoke("Vote", new VoteRequest(poll, choices));

    [Fact]
    public async Task The_grain_closes_a_quiz_at_its_deadline_and_a_ballot_after_it_is_closed()
    {
        var poll = await OpenQuiz("Deep Blue bat Kasparov en ?", [1], seconds: 5, points: 1000);
        await Answer(_alice, poll, 1);

        // Nobody closes it: the session's own timer does, and every screen learns the answer.
        foreach (var screen in new[] { _facilitator, _projector, _alice, _chloe })
        {
            var closed = await screen.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Closed);
            Assert.Equal([1], closed.Poll.Correct!);
            Assert.Equal([1], closed.Poll.Results!.Correct!);
            Assert.Equal(1, closed.Poll.Results.Voters);
            Assert.Null(closed.Poll.ClosesAt);
        }
        var board = (await _chloe.WaitFor<LeaderboardChanged>(e => e.Leaderboard is not null)).Leaderboard!;
        Assert.Equal(("Alice", 1, 1), (Assert.Single(board.Top).Name, board.Top[0].Rank, board.Players));
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => Answer(_bob, poll, 1)));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _facilitator.Invoke("OpenPoll", new PollRef(poll))));
    }

    [Fact]
    public async Task Faster_correct_answers_score_more_wrong_ones_nothing_and_the_leaderboard_of_a_scripted_run_is_exact()
    {
        var clock = gateway.Clock;
        clock.Freeze();

        // Question 1: 30 s, 1000 points. Score = round(1000 × (1 − t / 30 / 2)).
        var first = await OpenQuiz("Deep Blue bat Kasparov en ?", [1], seconds: 30, points: 1000);
        await Answer(_alice, first, 1);                      // 0 s: 1000
        clock.Advance(TimeSpan.FromSeconds(6));
        await Answer(_bob, first, 1);                        // 6 s: 900
        clock.Advance(TimeSpan.FromSeconds(6));
        await Answer(_dan, first, 1);                        // 12 s: 800
        await Answer(_chloe, first, 0);                      // wrong: 0
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => Answer(_facilitator, first, 1)));
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => Answer(_chloe, first, 1)));   // the first answer stands
        clock.Advance(TimeSpan.FromSeconds(18));
        // The countdown is over by the session's clock: refused, although the grain's timer has not fired yet.
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => Answer(_anonymous, first, 1)));
        await _facilitator.Invoke("ClosePoll", new PollRef(first));

        // Question 2: 10 s, 500 points, two correct options (a ballot is correct only with both).
        var second = await OpenQuiz("Lesquelles sont des IA génératives ?", [0, 3], seconds: 10, points: 500);
        await Answer(_chloe, second, 3, 0);                  // 0 s: 500
        clock.Advance(TimeSpan.FromSeconds(2));
        await Answer(_dan, second, 0, 3);                    // 2 s: 450
        clock.Advance(TimeSpan.FromSeconds(2));
        await Answer(_bob, second, 0);                       // half right is wrong: 0
        await Answer(_anonymous, second, 0, 3);              // 4 s: 400
        await _facilitator.Invoke("ClosePoll", new PollRef(second));

        // Dan 1250, Alice 1000, Bob 900, Chloé 500, the anonymous player 400 under a pseudonym.
        var expected = new (string? Name, int Points, int Rank, ParticipantMode Mode)[]
        {
            ("Dan", 1250, 1, ParticipantMode.Remote), ("Alice", 1000, 2, ParticipantMode.Onsite), ("Bob", 900, 3, ParticipantMode.Onsite),
            ("Chloé", 500, 4, ParticipantMode.Remote), (null, 400, 5, ParticipantMode.Remote),
        };
        CafeClient[] screens = [_facilitator, _projector, .. Participants];
        foreach (var screen in screens)
        {
            var board = (await screen.WaitFor<LeaderboardChanged>(e => e.Leaderboard is { Players: 5 })).Leaderboard!;
            Assert.Equal(expected.Select(e => (e.Points, e.Rank, e.Mode)), board.Top.Select(e => (e.Points, e.Rank, e.Mode)));
            Assert.Equal(expected.Take(4).Select(e => e.Name), board.Top.Take(4).Select(e => e.Name));
            Assert.Equal(new TeamScores(950, 716.67, 2, 3), board.Teams);
            var snapshot = (await screen.Snapshot()).Leaderboard!;
            Assert.Equal(board.Top, snapshot.Top);
            Assert.Equal((board.Teams, board.Players), (snapshot.Teams, snapshot.Players));
        }
        var pseudonym = (await _anonymous.Snapshot()).Leaderboard!.Top[4].Name;
        Assert.Matches(@"^\p{Lu}\S+ \S+$", pseudonym);   // an animal and an adjective, in French

        // Each phone received its own standing, personally, and never another's.
        var own = new Dictionary<CafeClient, MyQuizScore>
        {
            [_dan] = new(1250, 1, 5, "Dan", second, 450, true),
            [_alice] = new(1000, 2, 5, "Alice"),
            [_bob] = new(900, 3, 5, "Bob", second, 0, false),
            [_chloe] = new(500, 4, 5, "Chloé", second, 500, true),
            [_anonymous] = new(400, 5, 5, pseudonym, second, 400, true),
        };
        foreach (var (phone, standing) in own)
        {
            await phone.WaitFor<MeChanged>(e => e.Me.Quiz == standing);
            var received = phone.Batches.SelectMany(b => b.Events.Select(e => (Personal: b.Seq < 0, Event: e))).ToList();
            var mine = received.Where(r => r.Event is MeChanged).ToList();
            Assert.All(mine, r => Assert.True(r.Personal, "a standing travels in the personal event only"));
            Assert.All(mine, r => Assert.Equal(phone.ParticipantId, ((MeChanged)r.Event).Me.ParticipantId));
            Assert.Equal(standing, (await phone.Snapshot()).Me!.Quiz);
        }
        // After the first question: Alice led, and was told so (Chloé's wrong answer made her a player with 0).
        Assert.Contains(_alice.Batches.SelectMany(b => b.Events).OfType<MeChanged>(), e => e.Me.Quiz == new MyQuizScore(1000, 1, 4, "Alice", first, 1000, true));
        Assert.Contains(_chloe.Batches.SelectMany(b => b.Events).OfType<MeChanged>(), e => e.Me.Quiz == new MyQuizScore(0, 4, 4, "Chloé", first, 0, false));
        Assert.DoesNotContain(_facilitator.Batches.SelectMany(b => b.Events), e => e is MeChanged { Me.Quiz: not null });
        Assert.DoesNotContain(_projector.Batches.SelectMany(b => b.Events), e => e is MeChanged);

        // What each phone saw of its own answers.
        var alice = (await _alice.Snapshot()).Polls.Single(p => p.Id == first);
        Assert.Equal((1000, true), (alice.MyScore, alice.MyCorrect));
        var bob = (await _bob.Snapshot()).Polls.Single(p => p.Id == second);
        Assert.Equal((0, false), (bob.MyScore, bob.MyCorrect));
    }
}
