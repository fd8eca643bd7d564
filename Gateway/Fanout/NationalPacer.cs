namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Paces one programme's national updates to one audience of its cafés on this gateway (the
/// staff and projectors: <see cref="FanoutOptions.ProgrammeScreensPeriod"/>; the phones:
/// <see cref="FanoutOptions.ProgrammePhonesPeriod"/>): the first update after a quiet period goes
/// at once, then at most one per period while updates keep coming, each carrying the latest. When
/// the programme says its tallies have settled (<see cref="Settled"/>), an update held back goes
/// then, so the final count does not wait for the rest of the period; if that word is lost, the
/// held update still goes at the period's end. Not thread-safe: the caller holds its lock around
/// every call.
/// </summary>
internal sealed class NationalPacer(TimeSpan period, TimeProvider clock)
{
    private long _sentAt;
    /// <summary>An update newer than the last one sent is held back.</summary>
    private bool _held;
    /// <summary>A send is scheduled to ask <see cref="Due"/>.</summary>
    private bool _scheduled;

    /// <summary>
    /// A new update: <see cref="TimeSpan.Zero"/> to send it to the audience now; a delay after which
    /// to call <see cref="Due"/>; null when a send is already scheduled (it will carry this update
    /// or a later one).
    /// </summary>
    public TimeSpan? Offer()
    {
        if (!_scheduled && Until() == TimeSpan.Zero)
        {
            (_sentAt, _held) = (clock.GetTimestamp(), false);
            return TimeSpan.Zero;
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
        (_scheduled, _held, _sentAt) = (false, false, clock.GetTimestamp());
        return TimeSpan.Zero;
    }

    /// <summary>The tallies have settled: true to send the latest update now (it counts as sent), false when the audience already has it.</summary>
    public bool Settled()
    {
        if (!_held)
        {
            return false;
        }
        (_held, _sentAt) = (false, clock.GetTimestamp());
        return true;
    }

    /// <summary>Until the period since the last send has passed (zero: it has, or nothing was sent yet).</summary>
    private TimeSpan Until()
    {
        if (_sentAt == 0)
        {
            return TimeSpan.Zero;
        }
        var wait = period - clock.GetElapsedTime(_sentAt);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
