namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// The time a test host's sessions read (registered as the silo's TimeProvider): the machine's
/// plus an offset the test moves, or frozen while a scripted run needs exact times. Only
/// GetUtcNow changes: timers and timestamps stay TimeProvider's own, so Orleans and the grain's
/// timers run in real time as usual.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private DateTimeOffset? _frozen;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _frozen ?? System.GetUtcNow() + _offset;
        }
    }

    /// <summary>Stops the clock at the present instant: until <see cref="Thaw"/>, only <see cref="Advance"/> moves it.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            _frozen ??= System.GetUtcNow() + _offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            if (_frozen is { } frozen)
            {
                _frozen = frozen + by;
            }
            else
            {
                _offset += by;
            }
        }
    }

    /// <summary>Runs again from where it stood (never backwards).</summary>
    public void Thaw()
    {
        lock (_gate)
        {
            if (_frozen is { } frozen)
            {
                _offset = frozen - System.GetUtcNow();
                _frozen = null;
            }
        }
    }
}
