using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The quiz's clock and its leaderboard. A quiz closes itself once its seconds are up: the grain
/// calls <see cref="CloseExpiredQuizzes"/> at <see cref="NextQuizClose"/>; meanwhile late ballots
/// are refused by the clock alone. Each close updates the leaderboard for everyone and tells each
/// player their own standing, personally.
/// </summary>
public sealed partial class Session
{
    private Standings? _standings;

    /// <summary>When the earliest open quiz runs out of time, or null when no quiz is running.</summary>
    public DateTimeOffset? NextQuizClose() => state.Polls.Select(p => p.ClosesAt).Where(at => at is not null).Min();

    /// <summary>Closes every quiz whose time is up (a normal change: committed and published like a command's).</summary>
    public Outcome<Done> CloseExpiredQuizzes()
    {
        var now = clock.GetUtcNow();
        foreach (var quiz in state.Polls.Where(p => p.ClosesAt <= now).ToList())
        {
            MovePoll(quiz, PollState.Closed);
        }
        return Ok();
    }

    /// <summary>The standings over every closed quiz, counted once per change of them.</summary>
    private Standings Standings() =>
        _standings ??= Polls.Standings.Of(state.Polls.Where(p => p is { Kind: PollKind.Quiz, State: PollState.Closed }), state.Participants);

    /// <summary>The leaderboard, or null while no quiz has closed.</summary>
    private LeaderboardView? Leaderboard() =>
        state.Polls.Exists(p => p is { Kind: PollKind.Quiz, State: PollState.Closed })
            ? Standings().View(NameOf)
            : null;

    private string NameOf(string participantId) =>
        Find(participantId)?.DisplayName ?? Pseudonym.For(participantId, state.Language);

    /// <summary>A player's own standing, with their answer to the quiz closed last if they gave one.</summary>
    private MyQuizScore? QuizScoreOf(Participant participant)
    {
        if (Standings().Of(participant.Id) is not { } standing)
        {
            return null;
        }
        var last = state.Polls.Where(p => p is { Kind: PollKind.Quiz, State: PollState.Closed }).MaxBy(p => p.ClosedAt);
        var ballot = last?.Ballots.GetValueOrDefault(participant.Id);
        return new MyQuizScore(standing.Points, standing.Rank, Standings().Ordered.Count, NameOf(participant.Id),
            ballot is null ? null : last!.Id,
            ballot is null ? null : QuizScoring.Score(last!, ballot),
            ballot is null ? null : QuizScoring.IsCorrect(last!, ballot));
    }

    /// <summary>
    /// A quiz closed or a closed one was deleted: everyone gets the new leaderboard; every player
    /// (and whoever stopped being one) gets their own standing, and only theirs.
    /// </summary>
    private void StandingsChanged(IEnumerable<string> formerPlayers)
    {
        var before = _standings?.Ordered.Select(s => s.ParticipantId) ?? [];
        _standings = null;
        Emit(new LeaderboardChanged(Leaderboard()));
        var concerned = Standings().Ordered.Select(s => s.ParticipantId).Concat(before).Concat(formerPlayers).ToHashSet();
        foreach (var id in concerned)
        {
            if (Find(id) is { } participant)
            {
                EmitTo(participant, new MeChanged(MeOf(participant)));
            }
        }
    }
}
