namespace CafeIA.Domain.Tests;

/// <summary>A clock that moves only when told: times and time-based scores are asserted exactly, nothing sleeps.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Advance(double seconds) => _now += TimeSpan.FromSeconds(seconds);
}
