namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Paces one programme's national updates to the phones of its cafés on this gateway
/// (<see cref="FanoutOptions.ProgrammePhonesPeriod"/>): the first update after a quiet period goes
/// at once, then at most one per period, and the latest always follows. Not thread-safe: the
/// caller holds its lock around every call.
/// </summary>
internal sealed class NationalPhonesPacer(TimeSpan period, TimeProvider clock)
{
    private long _sentAt;
    private bool _scheduled;

    /// <summary>
    /// A new update: <see cref="TimeSpan.Zero"/> to send it to the phones now; a delay after which
    /// to send whatever is the latest then (and call <see cref="Sent"/>); null when such a send is
    /// already scheduled (it will carry this update or a later one).
    /// </summary>
    public TimeSpan? Offer()
    {
        if (_scheduled)
        {
            return null;
        }
        var since = clock.GetElapsedTime(_sentAt);
        if (_sentAt == 0 || since >= period)
        {
            _sentAt = clock.GetTimestamp();
            return TimeSpan.Zero;
        }
        _scheduled = true;
        return period - since;
    }

    /// <summary>The scheduled send is going out now.</summary>
    public void Sent() => (_scheduled, _sentAt) = (false, clock.GetTimestamp());
}
