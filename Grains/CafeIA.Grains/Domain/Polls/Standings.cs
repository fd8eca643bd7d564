using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>One player's standing over the closed quizzes.</summary>
public sealed record Standing(string ParticipantId, ParticipantMode Mode, int Points, TimeSpan AnswerTime, DateTimeOffset JoinedAt, int Rank);

/// <summary>
/// The quiz standings of a session: every player (a participant who answered at least one closed
/// quiz) with their points. Order: most points first; equal points share a rank (competition
/// ranking: 1, 1, 3) and are listed by smaller total answer time, then earlier join.
/// </summary>
public sealed class Standings
{
    public const int TopSize = 10;

    private readonly Dictionary<string, Standing> _byPlayer;

    public IReadOnlyList<Standing> Ordered { get; }

    private Standings(List<Standing> ordered) => (Ordered, _byPlayer) = (ordered, ordered.ToDictionary(s => s.ParticipantId));

    public Standing? Of(string participantId) => _byPlayer.GetValueOrDefault(participantId);

    public static Standings Of(IEnumerable<Poll> closedQuizzes, IReadOnlyDictionary<string, Participant> participants)
    {
        var totals = new Dictionary<string, (ParticipantMode Mode, int Points, TimeSpan Time)>();
        foreach (var quiz in closedQuizzes)
        {
            foreach (var (voter, ballot) in quiz.Ballots)
            {
                var (_, points, time) = totals.GetValueOrDefault(voter);
                totals[voter] = (ballot.Mode, points + QuizScoring.Score(quiz, ballot), time + QuizScoring.AnswerTime(quiz, ballot));
            }
        }
        var ordered = totals
            .Select(t => (Id: t.Key, t.Value.Mode, t.Value.Points, t.Value.Time, Joined: participants.GetValueOrDefault(t.Key)?.JoinedAt ?? DateTimeOffset.MaxValue))
            .OrderByDescending(t => t.Points).ThenBy(t => t.Time).ThenBy(t => t.Joined).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        var standings = new List<Standing>(ordered.Count);
        foreach (var (t, i) in ordered.Select((t, i) => (t, i)))
        {
            // Competition ranking: a player's rank is one more than the number of players with more points.
            var rank = i > 0 && standings[i - 1].Points == t.Points ? standings[i - 1].Rank : i + 1;
            standings.Add(new Standing(t.Id, t.Mode, t.Points, t.Time, t.Joined, rank));
        }
        return new Standings(standings);
    }

    /// <summary>Average points per player of each mode, rounded to 2 decimals.</summary>
    public TeamScores Teams()
    {
        static double? Average(List<Standing> players) => players.Count == 0 ? null : Math.Round(players.Average(p => p.Points), 2);
        var onsite = Ordered.Where(s => s.Mode == ParticipantMode.Onsite).ToList();
        var remote = Ordered.Where(s => s.Mode == ParticipantMode.Remote).ToList();
        return new TeamScores(Average(onsite), Average(remote), onsite.Count, remote.Count);
    }

    /// <summary>The top players as every screen shows them; two equal names in the top get "2", "3"... in join order.</summary>
    public LeaderboardView View(Func<string, string> nameOf)
    {
        var top = Ordered.Take(TopSize).ToList();
        var names = new Dictionary<string, string>();
        foreach (var group in top.GroupBy(s => nameOf(s.ParticipantId)))
        {
            foreach (var (player, i) in group.OrderBy(s => s.JoinedAt).ThenBy(s => s.ParticipantId, StringComparer.Ordinal).Select((s, i) => (s, i)))
            {
                names[player.ParticipantId] = i == 0 ? group.Key : $"{group.Key} {i + 1}";
            }
        }
        return new LeaderboardView([.. top.Select(s => new LeaderEntry(names[s.ParticipantId], s.Points, s.Rank, s.Mode))], Teams(), Ordered.Count);
    }
}
