using Orleans.Concurrency;
using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// A gateway's single subscription to one session. One-way: a slow or dead gateway must never
/// hold up the session grain, which is not reentrant.
/// </summary>
[Alias("cafe.ISessionObserver")]
public interface ISessionObserver : IGrainObserver
{
    [OneWay, Alias("OnChanges")]
    Task OnChanges(Guid sessionId, SessionChanges changes);

    /// <summary>A burst of live reactions, for the staff and the projector: not a change, no seq (it may be lost).</summary>
    [OneWay, Alias("OnReactions")]
    Task OnReactions(Guid sessionId, ReactionBurst burst);
}
