namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Paces one programme's national updates to one audience of its cafés on this gateway (the
/// staff and projectors: <see cref="FanoutOptions.ProgrammeScreensPeriod"/>; a slice of the
/// phones: <see cref="FanoutOptions.ProgrammePhonesPeriod"/>): the first update after a quiet
/// period goes at once, then at most one per period while updates keep coming, each carrying the
/// latest. When the programme says its tallies have settled (<see cref="Settled"/>), an update held
/// back goes then, so the final count does not wait for the rest of the period; if that word is
/// lost, the held update still goes at the period's end. A send that was not waited for (the first
/// after a quiet period, or the settled one) is followed by the next no sooner than
/// <c>phase</c> (by default the period): slices of the phones with phases spread over the period
/// take turns during a vote, instead of every phone at once. A pacer that waits for its phase
/// (<c>waitsForPhase</c>, the phones' slices) sends even the first update after a quiet period
/// only a period and its phase later: the phones' cafés' own batches may carry it meanwhile. Not
/// thread-safe: the caller holds its lock around every call.
/// </summary>
internal sealed class NationalPacer
{
    private readonly TimeSpan _period;
    private readonly TimeSpan _phase;
    private readonly TimeProvider _clock;
    private readonly bool _waitsForPhase;
    /// <summary>No send before this timestamp; null: none was made yet.</summary>
    private long? _nextAt;
    /// <summary>An update newer than the last one sent is held back.</summary>
    private bool _held;
    /// <summary>A send is scheduled to ask <see cref="Due"/>.</summary>
    private bool _scheduled;

    public NationalPacer(TimeSpan period, TimeProvider clock, TimeSpan? phase = null, bool waitsForPhase = false)
    {
        (_period, _clock, _phase, _waitsForPhase) = (period, clock, phase ?? period, waitsForPhase);
    }

    /// <summary>
    /// A new update: <see cref="TimeSpan.Zero"/> to send it to the audience now (never when the
    /// pacer waits for its phase); a delay after which
    /// to call <see cref="Due"/>; null when a send is already scheduled (it will carry this update
    /// or a later one).
    /// </summary>
    public TimeSpan? Offer()
    {
        if (!_scheduled && Until() == TimeSpan.Zero)
        {
            if (!_waitsForPhase)
            {
                Sent(_phase);
                return TimeSpan.Zero;
            }
            _nextAt = At(_period + _phase);
        }
        _held = true;
        if (_scheduled)
        {
            return null;
        }
        _scheduled = true;
        return Until();
    }

    /// <summary>
    /// The scheduled send asks whether its time has come: <see cref="TimeSpan.Zero"/> to send the
    /// latest update now (it counts as sent); a positive delay to wait before asking again (the
    /// settled send went since, and a newer update came); null when there is nothing left to send
    /// (the settled send carried it), and nothing stays scheduled.
    /// </summary>
    public TimeSpan? Due()
    {
        if (!_held)
        {
            _scheduled = false;
            return null;
        }
        if (Until() is var wait && wait > TimeSpan.Zero)
        {
            return wait;
        }
        _scheduled = false;
        Sent(_period);
        return TimeSpan.Zero;
    }

    /// <summary>
    /// The tallies have settled: true to send the latest update now (it counts as sent), false when
    /// the audience already has it. <paramref name="unseen"/>: the settled view is newer than any
    /// update offered (that one has not arrived yet), so it goes to the audience in any case.
    /// </summary>
    public bool Settled(bool unseen = false)
    {
        if (!_held && !unseen)
        {
            return false;
        }
        Sent(_phase);
        return true;
    }

    private void Sent(TimeSpan nextAfter)
    {
        _held = false;
        _nextAt = At(nextAfter);
    }

    private long At(TimeSpan fromNow) => _clock.GetTimestamp() + fromNow.Ticks * _clock.TimestampFrequency / TimeSpan.TicksPerSecond;

    /// <summary>Until the next send may go (zero: it may now).</summary>
    private TimeSpan Until()
    {
        if (_nextAt is not { } next)
        {
            return TimeSpan.Zero;
        }
        var wait = TimeSpan.FromTicks((next - _clock.GetTimestamp()) * TimeSpan.TicksPerSecond / _clock.TimestampFrequency);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
