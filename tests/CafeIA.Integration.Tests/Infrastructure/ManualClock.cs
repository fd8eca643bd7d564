namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when the test says so: timestamps and the time of day. For parts that
/// read the time (budgets, pacing, reorder patience) and never wait on it themselves.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Starts one second in, so that a timestamp of 0 never means "now".</summary>
    public long Ticks { get; private set; } = TimeSpan.TicksPerSecond;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Ticks;

    public override DateTimeOffset GetUtcNow() => Start + TimeSpan.FromTicks(Ticks);

    public void Advance(TimeSpan by) => Ticks += by.Ticks;

    public void AdvanceMilliseconds(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));
}
