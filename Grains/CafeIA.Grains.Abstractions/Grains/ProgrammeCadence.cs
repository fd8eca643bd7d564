namespace CafeIA.Grains.Abstractions;

/// <summary>
/// How often a programme tells its subscribers about its national tallies: at most once per
/// <see cref="Publish"/>, and only when something changed. A subscriber that has heard nothing
/// for a little longer than that knows the tallies have stopped moving (the gateways' phones
/// pacing relies on it: FanoutOptions.ProgrammePhonesSettle).
/// </summary>
public static class ProgrammeCadence
{
    public static readonly TimeSpan Publish = TimeSpan.FromMilliseconds(500);
}
