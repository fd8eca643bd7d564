namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Paces one programme's national updates to the phones of its cafés on this gateway
/// (<see cref="FanoutOptions.ProgrammePhonesPeriod"/>): the first update after a quiet period goes
/// at once, then at most one per period while updates keep coming, and the latest always follows.
/// It follows sooner when the updates stop: once no newer update has come for
/// <see cref="FanoutOptions.ProgrammePhonesSettle"/> (a little more than the programme's publish
/// period, so a tally that has stopped moving), the latest goes then. So the phones show the final
/// count shortly after the last ballot, and a storm still reaches them once per period. Not
/// thread-safe: the caller holds its lock around every call.
/// </summary>
internal sealed class NationalPhonesPacer(TimeSpan period, TimeSpan settle, TimeProvider clock)
{
    private long _sentAt;
    private long _offeredAt;
    private bool _scheduled;

    /// <summary>
    /// A new update: <see cref="TimeSpan.Zero"/> to send it to the phones now; a delay after which
    /// to call <see cref="Due"/>; null when a send is already scheduled (it will carry this update
    /// or a later one).
    /// </summary>
    public TimeSpan? Offer()
    {
        _offeredAt = clock.GetTimestamp();
        if (_scheduled)
        {
            return null;
        }
        if (_sentAt == 0 || clock.GetElapsedTime(_sentAt) >= period)
        {
            _sentAt = _offeredAt;
            return TimeSpan.Zero;
        }
        _scheduled = true;
        return Wait();
    }

    /// <summary>
    /// The scheduled send asks whether its time has come: <see cref="TimeSpan.Zero"/> to send the
    /// latest update now (it counts as sent); otherwise how much longer to wait before asking again
    /// (a newer update put off the settled send, and the period has not passed yet).
    /// </summary>
    public TimeSpan Due()
    {
        var wait = Wait();
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }
        (_scheduled, _sentAt) = (false, clock.GetTimestamp());
        return TimeSpan.Zero;
    }

    /// <summary>Until the period since the last send has passed, or the settle time since the latest update, whichever comes first.</summary>
    private TimeSpan Wait()
    {
        var untilPeriod = period - clock.GetElapsedTime(_sentAt);
        var untilSettled = settle - clock.GetElapsedTime(_offeredAt);
        var wait = untilPeriod < untilSettled ? untilPeriod : untilSettled;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
