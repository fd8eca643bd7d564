namespace CafeIA.Grains.Abstractions;

/// <summary>
/// How often a programme tells its subscribers about its national tallies: at most once per
/// <see cref="Publish"/>, and only when something changed; the first period with no change after
/// that, it tells them the tallies have settled (IProgrammeObserver.OnSettled). Short, because
/// two of these periods are most of the time between the last ballot and the final national count
/// on the screens; the gateways pace what they send.
/// </summary>
public static class ProgrammeCadence
{
    public static readonly TimeSpan Publish = TimeSpan.FromMilliseconds(200);
}
