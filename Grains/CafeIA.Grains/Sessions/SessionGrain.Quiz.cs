using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The quiz countdown: one one-shot grain timer for the earliest open quiz's deadline, set again
/// after every commit (a quiz opened, closed or deleted moves it). When it fires, the session closes
/// whatever quiz is due through the ordinary command path, so the close is committed and published
/// like a facilitator's ClosePoll. Late ballots never wait for it: the session refuses them by the clock.
/// </summary>
public sealed partial class SessionGrain
{
    private IGrainTimer? _quizTimer;
    private DateTimeOffset? _quizDue;

    private void ScheduleQuizClose()
    {
        var due = Exists ? _session.NextQuizClose() : null;
        if (due == _quizDue)
        {
            return;
        }
        _quizTimer?.Dispose();
        (_quizTimer, _quizDue) = (null, due);
        if (due is { } at)
        {
            var wait = at - clock.GetUtcNow();
            // KeepAlive: a running quiz keeps its session in memory, so its close is never missed.
            _quizTimer = this.RegisterGrainTimer(CloseDueQuizzes, new GrainTimerCreationOptions(
                wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
    }

    private async Task CloseDueQuizzes(CancellationToken cancellationToken)
    {
        // This timer fired once: whatever is due next (this quiz again, if the clock says it is not
        // quite time yet; another quiz; nothing) gets a timer of its own.
        _quizTimer?.Dispose();
        (_quizTimer, _quizDue) = (null, null);
        if (Exists && !_broken)
        {
            await Apply(null, s => s.CloseExpiredQuizzes());
        }
        ScheduleQuizClose();
    }
}
