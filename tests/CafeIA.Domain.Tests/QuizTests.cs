using CafeIA.Domain.Polls;
using CafeIA.Storage;
using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>
/// The quiz on a manual clock: the countdown, refusals after it, speed scoring, the automatic
/// close, and the leaderboard (competition ranks, ties, pseudonyms, teams, each player's own standing).
/// </summary>
public sealed class QuizTests
{
    private static readonly string[] Options = ["1956", "1997", "2012", "2022"];

    private readonly ManualClock _clock = new();

    private SessionFixture Cafe() => new(clock: _clock);

    private static string OpenQuiz(SessionFixture f, int[]? correct = null, int seconds = 20, int points = 1000, string question = "Deep Blue bat Kasparov en ?")
    {
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest(question, PollKind.Quiz, Options,
            Correct: correct ?? [1], Seconds: seconds, Points: points))).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        f.Session.TakeChanges();
        return poll;
    }

    /// <summary>A participant who joins a second after the previous one (join order breaks ties).</summary>
    private string Player(SessionFixture f, string? name, ParticipantMode mode)
    {
        _clock.Advance(1);
        return f.Join(new JoinOptions(name, mode)).ParticipantId;
    }

    private void Answer(SessionFixture f, string who, string poll, double atSeconds, params int[] choices)
    {
        var opened = f.Poll(poll, f.Facilitator).OpenedAt!.Value;
        _clock.Advance(opened.AddSeconds(atSeconds) - _clock.GetUtcNow());
        Ok(f.Session.Vote(who, new VoteRequest(poll, choices)));
    }

    private void CloseByClock(SessionFixture f, string poll)
    {
        var due = f.Session.NextQuizClose()!.Value;
        Assert.Equal(f.Poll(poll, f.Facilitator).ClosesAt, due);
        _clock.Advance(due - _clock.GetUtcNow());
        Ok(f.Session.CloseExpiredQuizzes());
        Assert.Equal(PollState.Closed, f.Poll(poll, f.Facilitator).State);
    }

    [Fact]
    public void Phones_learn_whether_to_pick_one_option_or_several_but_not_which_nor_how_many_are_right()
    {
        var f = Cafe();
        var one = OpenQuiz(f, correct: [1]);
        var several = OpenQuiz(f, correct: [0, 2], question: "Lesquelles ?");
        Assert.Equal(1, f.Poll(one, f.Alice).MaxChoices);
        Assert.Equal(Options.Length, f.Poll(several, f.Alice).MaxChoices);
        Assert.Null(f.Poll(several, f.Alice).Correct);
        Assert.Equal([0, 2], f.Poll(several, f.Facilitator).Correct!);
    }

    [Theory]
    [InlineData(null, 30, 1000, false)]
    [InlineData(new int[0], 30, 1000, false)]
    [InlineData(new[] { 1, 1 }, 30, 1000, false)]
    [InlineData(new[] { 4 }, 30, 1000, false)]
    [InlineData(new[] { -1 }, 30, 1000, false)]
    [InlineData(new[] { 1 }, 4, 1000, false)]
    [InlineData(new[] { 1 }, 301, 1000, false)]
    [InlineData(new[] { 1 }, 30, 0, false)]
    [InlineData(new[] { 1 }, 30, 100_001, false)]
    [InlineData(new[] { 1 }, 5, 1, true)]
    [InlineData(new[] { 3, 0 }, 300, 100_000, true)]
    public void A_quiz_names_its_correct_options_and_lasts_5_to_300_seconds(int[]? correct, int seconds, int points, bool valid)
    {
        var f = Cafe();
        var created = f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Quiz, Options, Correct: correct, Seconds: seconds, Points: points));
        if (valid)
        {
            var view = f.Poll(Ok(created).PollId, f.Facilitator);
            Assert.Equal((seconds, points), (view.Seconds, view.MaxPoints));
            Assert.Equal(correct!.Order(), view.Correct);
        }
        else
        {
            Refused(created, RefusalCodes.Invalid);
        }
    }

    [Fact]
    public void A_quiz_lasts_30_seconds_for_1000_points_by_default()
    {
        var f = Cafe();
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Quiz, Options, Correct: [0]))).PollId;
        var view = f.Poll(poll, f.Facilitator);
        Assert.Equal((30, 1000), (view.Seconds, view.MaxPoints));
        Assert.Null(view.ClosesAt);
        Assert.Null(f.Session.NextQuizClose());
    }

    [Fact]
    public void Opening_starts_the_countdown_and_a_ballot_after_it_is_closed()
    {
        var f = Cafe();
        var poll = OpenQuiz(f, seconds: 20);
        var opened = _clock.GetUtcNow();
        var seen = f.Poll(poll, f.Alice);
        Assert.Equal((opened, opened.AddSeconds(20)), (seen.OpenedAt, seen.ClosesAt));
        Assert.Equal(opened.AddSeconds(20), f.Session.NextQuizClose());

        _clock.Advance(19.999);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [1])));
        _clock.Advance(0.001);
        Refused(f.Session.Vote(f.Bob, new VoteRequest(poll, [1])), RefusalCodes.Closed);
        Assert.Equal(1, f.Poll(poll, f.Facilitator).Results!.Voters);
        f.Session.TakeChanges();
        // The refusal changed nothing: the quiz is closed by the grain's timer, not by a late ballot.
        Refused(f.Session.Vote(f.Chloe, new VoteRequest(poll, [1])), RefusalCodes.Closed);
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal(PollState.Open, f.Poll(poll, f.Facilitator).State);
    }

    [Fact]
    public void The_close_at_the_deadline_reveals_the_correct_answer_to_everyone_and_not_before()
    {
        var f = Cafe();
        var poll = OpenQuiz(f, correct: [1], seconds: 20);
        Assert.Equal([1], f.Poll(poll, f.Facilitator).Correct!);
        Assert.Null(f.Poll(poll, f.Alice).Correct);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [1])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, [2])));
        // While the question runs, phones get neither the answer nor the room's choices.
        var running = f.Session.TakeChanges()!;
        Assert.Empty(running.For(Audience.Participants).Events);
        Assert.Equal([0, 1, 1, 0], Assert.IsType<PollResultsChanged>(Assert.Single(running.For(Audience.Staff).Events)).Results.Counts);
        Assert.Null(f.Poll(poll, f.Bob).Results);

        _clock.Advance(19.9);
        Ok(f.Session.CloseExpiredQuizzes());
        Assert.Null(f.Session.TakeChanges());
        _clock.Advance(0.1);
        Ok(f.Session.CloseExpiredQuizzes());
        Assert.Null(f.Session.NextQuizClose());

        var changes = f.Session.TakeChanges()!;
        var closed = Assert.Single(changes.For(Audience.Participants).Events.OfType<PollUpdated>()).Poll;
        Assert.Equal(PollState.Closed, closed.State);
        Assert.Equal([1], closed.Correct!);
        Assert.Equal([1], closed.Results!.Correct!);
        Assert.Equal([0, 1, 1, 0], closed.Results.Counts);
        Assert.Equal(closed.Results.Counts, closed.Results.Onsite.Zip(closed.Results.Remote, (a, b) => a + b));
        Assert.Equal([0, 1, 0, 0], closed.Results.Onsite);
        Assert.Null(closed.ClosesAt);
        Assert.Single(changes.For(Audience.Everyone).Events.OfType<LeaderboardChanged>());

        var alice = f.Poll(poll, f.Alice);
        Assert.Equal((true, 1000), (alice.MyCorrect, alice.MyScore));
        Assert.Equal((false, 0), (f.Poll(poll, f.Chloe).MyCorrect, f.Poll(poll, f.Chloe).MyScore));
    }

    [Fact]
    public void Correct_answers_score_from_full_points_at_once_to_half_at_the_last_moment_and_wrong_ones_nothing()
    {
        var f = Cafe();
        var dan = f.Join(new JoinOptions(null, ParticipantMode.Remote)).ParticipantId;
        var poll = OpenQuiz(f, correct: [1], seconds: 20, points: 1000);
        Answer(f, f.Alice, poll, 0, 1);
        Answer(f, f.Chloe, poll, 1, 2);       // wrong, however fast
        Answer(f, f.Bob, poll, 10, 1);
        Answer(f, dan, poll, 19.99, 1);
        CloseByClock(f, poll);

        // round(points × (1 − elapsed / seconds / 2))
        Assert.Equal(1000, f.Poll(poll, f.Alice).MyScore);
        Assert.Equal(750, f.Poll(poll, f.Bob).MyScore);
        Assert.Equal(500, f.Poll(poll, dan).MyScore);   // 500.25
        Assert.Equal(0, f.Poll(poll, f.Chloe).MyScore);
        Assert.Equal([(1000, 1), (750, 2), (500, 3), (0, 4)],
            Ok(f.Session.Snapshot(f.Facilitator)).Leaderboard!.Top.Select(e => (e.Points, e.Rank)));
    }

    [Fact]
    public void With_several_correct_options_a_ballot_is_a_set_and_correct_only_when_it_is_exactly_them()
    {
        var f = Cafe();
        var poll = OpenQuiz(f, correct: [2, 0], seconds: 10, points: 100);
        Assert.Equal([0, 2], f.Poll(poll, f.Facilitator).Correct!);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [2, 0])));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, [0])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, [0, 1, 2])));
        CloseByClock(f, poll);
        Assert.Equal((true, 100), (f.Poll(poll, f.Alice).MyCorrect, f.Poll(poll, f.Alice).MyScore));
        Assert.Equal((false, 0), (f.Poll(poll, f.Bob).MyCorrect, f.Poll(poll, f.Bob).MyScore));
        Assert.Equal((false, 0), (f.Poll(poll, f.Chloe).MyCorrect, f.Poll(poll, f.Chloe).MyScore));
        Assert.Equal([0, 2], f.Poll(poll, f.Alice).MyChoices!);
    }

    [Fact]
    public void A_quiz_refuses_malformed_repeated_staff_and_projector_ballots_and_cannot_be_reopened()
    {
        var f = Cafe();
        var poll = OpenQuiz(f, correct: [1]);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [1, 2])), RefusalCodes.Invalid);  // one correct option: one choice
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [4])), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Order: [0, 1, 2, 3])), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Facilitator, new VoteRequest(poll, [1])), RefusalCodes.Forbidden);
        Refused(f.Session.Vote(f.Moderator(), new VoteRequest(poll, [1])), RefusalCodes.Forbidden);
        Refused(f.Session.Vote(f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId, new VoteRequest(poll, [1])), RefusalCodes.Forbidden);

        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        f.Session.TakeChanges();
        // The first answer stands; sending it again changes nothing.
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [1])), RefusalCodes.Closed);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));
        Assert.Null(f.Session.TakeChanges());
        Assert.Equal([0], f.Poll(poll, f.Alice).MyChoices!);

        Refused(f.Session.ClosePoll(f.Alice, poll), RefusalCodes.Forbidden);
        Ok(f.Session.ClosePoll(f.Facilitator, poll));   // the facilitator may end it early
        Refused(f.Session.OpenPoll(f.Facilitator, poll), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Bob, new VoteRequest(poll, [1])), RefusalCodes.Closed);
        Assert.Equal(PollState.Closed, f.Poll(poll, f.Facilitator).State);
    }

    [Fact]
    public void The_leaderboard_ranks_equal_points_together_and_orders_a_tie_by_answer_time_then_join()
    {
        var f = Cafe();
        var (anna, basile, cora, dan) = (Player(f, "Anna", ParticipantMode.Onsite), Player(f, "Basile", ParticipantMode.Onsite),
            Player(f, "Cora", ParticipantMode.Remote), Player(f, "Dan", ParticipantMode.Remote));
        // Quiz 1 (10 s, 100 points): Anna 0 s → 100; Cora 2 s → 90; Basile 4 s → 80; Dan wrong.
        var first = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, anna, first, 0, 1);
        Answer(f, cora, first, 2, 1);
        Answer(f, basile, first, 4, 1);
        Answer(f, dan, first, 5, 0);
        CloseByClock(f, first);
        // Quiz 2: Dan 0 s → 100 (100); Basile 2 s → 90 (170); Cora 4 s → 80 (170); Anna wrong (100).
        var second = OpenQuiz(f, correct: [3], seconds: 10, points: 100, question: "ChatGPT sort en ?");
        Answer(f, dan, second, 0, 3);
        Answer(f, basile, second, 2, 3);
        Answer(f, cora, second, 4, 3);
        Answer(f, anna, second, 6, 0);
        CloseByClock(f, second);

        var board = Ok(f.Session.Snapshot(f.Alice)).Leaderboard!;
        // Basile and Cora tie on 170 (rank 1 both) and on answer time (6 s each): Basile joined first.
        // Anna and Dan tie on 100 (rank 3 both): Dan answered in 5 s in all, Anna in 6 s.
        Assert.Equal([("Basile", 170, 1, ParticipantMode.Onsite), ("Cora", 170, 1, ParticipantMode.Remote), ("Dan", 100, 3, ParticipantMode.Remote), ("Anna", 100, 3, ParticipantMode.Onsite)],
            board.Top.Select(e => (e.Name, e.Points, e.Rank, e.Mode)));
        Assert.Equal(4, board.Players);
        Assert.Equal(new TeamScores(135, 135, 2, 2), board.Teams);
    }

    [Fact]
    public void Within_a_tie_the_smaller_total_answer_time_comes_first()
    {
        var f = Cafe();
        var first = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Bob, first, 0, 1);      // 100, 0 s
        Answer(f, f.Alice, first, 9, 0);    // 0, 9 s
        CloseByClock(f, first);
        var second = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Alice, second, 0, 1);   // 100, total 9 s
        Answer(f, f.Bob, second, 1, 0);     // 0, total 1 s
        CloseByClock(f, second);
        // Alice joined first, but Bob answered faster overall.
        Assert.Equal([("Bob", 1), ("Alice", 1)], Ok(f.Session.Snapshot(f.Alice)).Leaderboard!.Top.Select(e => (e.Name, e.Rank)));
    }

    [Fact]
    public void The_leaderboard_shows_the_top_10_with_pseudonyms_for_the_unnamed_and_counts_every_player()
    {
        var f = Cafe();
        var players = Enumerable.Range(0, 12)
            .Select(i => Player(f, i % 2 == 0 ? null : $"Joueur {i}", i < 6 ? ParticipantMode.Onsite : ParticipantMode.Remote))
            .ToList();
        var poll = OpenQuiz(f, correct: [1], seconds: 12, points: 1200);
        foreach (var (player, i) in players.Select((p, i) => (p, i)))
        {
            Answer(f, player, poll, i, 1);   // 1200 × (1 − i / 24): 1200, 1150, ..., 650
        }
        CloseByClock(f, poll);

        var board = Ok(f.Session.Snapshot(f.Bob)).Leaderboard!;
        Assert.Equal(10, board.Top.Length);
        Assert.Equal(12, board.Players);
        Assert.Equal(Enumerable.Range(1, 10), board.Top.Select(e => e.Rank));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 1200 - 50 * i), board.Top.Select(e => e.Points));
        // The unnamed get their pseudonym; two equal names in the top are told apart by join order ("… 2").
        var expected = new List<string>();
        foreach (var name in players.Take(10).Select((p, i) => i % 2 == 0 ? Pseudonym.For(p, SessionLanguage.Fr) : $"Joueur {i}"))
        {
            var before = expected.Count(e => e == name || e.StartsWith(name + " ", StringComparison.Ordinal));
            expected.Add(before == 0 ? name : $"{name} {before + 1}");
        }
        Assert.Equal(expected, board.Top.Select(e => e.Name));
        // On site: 1200..950 (mean 1075); remote: 900..650 (mean 775).
        Assert.Equal(new TeamScores(1075, 775, 6, 6), board.Teams);
        // Pseudonyms are the same on every screen and in the player's own standing.
        Assert.Equal(board.Top[0].Name, Ok(f.Session.Snapshot(players[0])).Me!.Quiz!.Name);
        Assert.Equal(board.Top, Ok(f.Session.Snapshot(f.Facilitator)).Leaderboard!.Top);
    }

    [Fact]
    public void Pseudonyms_are_deterministic_in_the_session_language()
    {
        Assert.Equal(Pseudonym.For("uQ2x9dK1mZ0pA", SessionLanguage.Fr), Pseudonym.For("uQ2x9dK1mZ0pA", SessionLanguage.Fr));
        var names = Enumerable.Range(0, 200).Select(i => Pseudonym.For($"p{i}", SessionLanguage.En)).ToList();
        Assert.True(names.Distinct().Count() > 150, "pseudonyms spread over the animals and adjectives");
        Assert.All(names, n => Assert.Matches(@"^[A-Z][a-z]+ [a-z-]+$", n));
        var french = Pseudonym.For("uQ2x9dK1mZ0pA", SessionLanguage.Fr);
        Assert.NotEqual(french, Pseudonym.For("uQ2x9dK1mZ0pA", SessionLanguage.En));
        Assert.Contains("Chouette curieuse", Enumerable.Range(0, 5000).Select(i => Pseudonym.For($"x{i}", SessionLanguage.Fr)));   // feminine agreement
        Assert.DoesNotContain("Chouette curieux", Enumerable.Range(0, 5000).Select(i => Pseudonym.For($"x{i}", SessionLanguage.Fr)));
    }

    [Fact]
    public void When_a_quiz_closes_each_player_receives_their_own_standing_and_nobody_else_s()
    {
        var f = Cafe();
        var poll = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Alice, poll, 0, 1);
        Answer(f, f.Chloe, poll, 5, 1);
        // Bob does not answer: he is no player.
        CloseByClock(f, poll);

        var changes = f.Session.TakeChanges()!;
        var personal = changes.Personal().ToDictionary(p => p.ParticipantId, p => p.Batch.Events);
        Assert.Equal(new[] { f.Alice, f.Chloe }.Order(), personal.Keys.Order());
        var alice = Assert.IsType<MeChanged>(Assert.Single(personal[f.Alice])).Me;
        var chloe = Assert.IsType<MeChanged>(Assert.Single(personal[f.Chloe])).Me;
        Assert.Equal((f.Alice, new MyQuizScore(100, 1, 2, "Alice", poll, 100, true)), (alice.ParticipantId, alice.Quiz));
        Assert.Equal((f.Chloe, new MyQuizScore(75, 2, 2, "Chloé", poll, 75, true)), (chloe.ParticipantId, chloe.Quiz));
        // The broadcast carries the leaderboard, never a personal standing.
        Assert.DoesNotContain(changes.For(Audience.Everyone).Events, e => e is MeChanged);
        Assert.Null(Ok(f.Session.Snapshot(f.Bob)).Me!.Quiz);
        Assert.Equal(alice, Ok(f.Session.Snapshot(f.Alice)).Me);
    }

    [Fact]
    public void The_leaderboard_is_absent_until_a_quiz_closes_and_loses_a_deleted_quiz_s_points()
    {
        var f = Cafe();
        Assert.Null(Ok(f.Session.Snapshot(f.Alice)).Leaderboard);
        var first = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Alice, first, 0, 1);
        Assert.Null(Ok(f.Session.Snapshot(f.Alice)).Leaderboard);
        CloseByClock(f, first);
        var second = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Bob, second, 0, 1);
        CloseByClock(f, second);
        Assert.Equal(2, Ok(f.Session.Snapshot(f.Alice)).Leaderboard!.Players);
        f.Session.TakeChanges();

        Ok(f.Session.DeletePoll(f.Facilitator, second));
        var changes = f.Session.TakeChanges()!;
        var board = Assert.Single(changes.For(Audience.Participants).Events.OfType<LeaderboardChanged>()).Leaderboard!;
        Assert.Equal([("Alice", 100)], board.Top.Select(e => (e.Name, e.Points)));
        // Bob is no player any more, and is told so.
        var bob = Assert.IsType<MeChanged>(Assert.Single(changes.Personal().Single(p => p.ParticipantId == f.Bob).Batch.Events));
        Assert.Null(bob.Me.Quiz);
    }

    [Fact]
    public void Ending_the_session_closes_a_running_quiz_and_scores_it()
    {
        var f = Cafe();
        var poll = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Alice, poll, 5, 1);
        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Ended));
        Assert.Equal(PollState.Closed, f.Poll(poll, f.Facilitator).State);
        Assert.Equal(75, Ok(f.Session.Snapshot(f.Alice)).Me!.Quiz!.Points);
        Assert.Null(f.Session.NextQuizClose());
    }

    [Fact]
    public void A_stored_quiz_ranking_and_points_poll_load_back_with_their_ballots_and_scores()
    {
        var f = Cafe();
        var quiz = OpenQuiz(f, correct: [1], seconds: 10, points: 100);
        Answer(f, f.Alice, quiz, 2, 1);
        var ranking = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Ranking, Options))).PollId;
        var points = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Points, Options, Budget: 10))).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, ranking));
        Ok(f.Session.OpenPoll(f.Facilitator, points));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(ranking, Order: [3, 2, 1, 0])));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(points, Points: [0, 0, 4, 6])));
        f.Session.TakeChanges();
        var write = SessionDocument.Write(f.Session.State, f.Session.TakeStoredChanges());

        var loaded = SessionDocument.Read(new StoredSession(1, write.Document, [.. write.Rows]));
        var again = new Session(loaded, new SessionLimits(), _clock);
        Assert.Equal(f.Session.NextQuizClose(), again.NextQuizClose());
        _clock.Advance(10);
        Ok(again.CloseExpiredQuizzes());
        Assert.Equal(90, Ok(again.Snapshot(f.Alice)).Me!.Quiz!.Points);
        var polls = Ok(again.Snapshot(f.Facilitator)).Polls.ToDictionary(p => p.Id);
        Assert.Equal([0, 1, 2, 3], polls[ranking].Results!.Scores!.All);
        Assert.Equal([0, 0, 4, 6], polls[points].Results!.Totals!.All);
        Assert.Equal(10, polls[points].Budget);
    }
}
