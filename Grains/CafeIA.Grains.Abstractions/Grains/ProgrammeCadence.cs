namespace CafeIA.Grains.Abstractions;

/// <summary>
/// How often a programme tells its subscribers about its national tallies: at most once per
/// <see cref="Publish"/>, and only when something changed; once a look <see cref="Settle"/> after
/// that finds no change, it tells them the tallies have settled (IProgrammeObserver.OnSettled).
/// Short, because these periods are most of the time between the last ballot and the final
/// national count on the screens; the gateways pace what they send.
/// </summary>
public static class ProgrammeCadence
{
    public static readonly TimeSpan Publish = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often the programme looks: a publish waits for the first look at least <see cref="Publish"/>
    /// after the last; a look with no change since the last publish means settled. While cafés
    /// vote, their shards report every 0.1 s (ProgrammeShardGrain.FlushPeriod), so a look finds changes.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);
}
