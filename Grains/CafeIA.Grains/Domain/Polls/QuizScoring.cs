namespace CafeIA.Domain.Polls;

/// <summary>
/// What a quiz ballot scores: a correct answer earns round(points × (1 − elapsed / seconds / 2)),
/// from the full points at once down to half of them at the last moment; a wrong one earns nothing.
/// </summary>
public static class QuizScoring
{
    public static bool IsCorrect(Poll quiz, Ballot ballot) => quiz.Correct is { } correct && ballot.Choices.SequenceEqual(correct);

    /// <summary>How long after the opening the ballot came (never negative, never past the countdown).</summary>
    public static TimeSpan AnswerTime(Poll quiz, Ballot ballot)
    {
        var elapsed = ballot.CastAt - (quiz.OpenedAt ?? ballot.CastAt);
        var limit = TimeSpan.FromSeconds(quiz.Seconds ?? PollRules.DefaultQuizSeconds);
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed > limit ? limit : elapsed;
    }

    public static int Score(Poll quiz, Ballot ballot)
    {
        if (!IsCorrect(quiz, ballot))
        {
            return 0;
        }
        var points = quiz.MaxPoints ?? PollRules.DefaultQuizPoints;
        var seconds = quiz.Seconds ?? PollRules.DefaultQuizSeconds;
        return (int)Math.Round(points * (1 - AnswerTime(quiz, ballot).TotalSeconds / seconds / 2), MidpointRounding.AwayFromZero);
    }
}
