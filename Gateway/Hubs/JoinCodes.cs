using System.Collections.Concurrent;
using CafeIA.Grains.Abstractions;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// The session each join code names, as this gateway last learnt it, with that session's grain
/// reference (Orleans' GetGrain reflects over the interface on every call). A code is claimed once
/// and released only when its session is deleted, so a remembered answer can only be stale for a
/// deleted session, which answers not-found: <see cref="Forget"/> then makes the next lookup ask
/// again. A join wave asks the code's grain once instead of once per joiner.
/// </summary>
public sealed class JoinCodes(IGrainFactory grains)
{
    /// <summary>Enough for every session a gateway serves at once; past it the memory starts afresh.</summary>
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, (Guid Id, ISessionGrain Grain)> _known = new(StringComparer.Ordinal);

    /// <summary>The session of a normalized join code, or null when no session has it.</summary>
    public async ValueTask<(Guid Id, ISessionGrain Grain)?> SessionOf(string code)
    {
        if (_known.TryGetValue(code, out var known))
        {
            return known;
        }
        if (await grains.GetGrain<IJoinCodeGrain>(code).GetSessionId() is not { } id)
        {
            return null;
        }
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }
        return _known[code] = (id, grains.GetGrain<ISessionGrain>(id));
    }

    /// <summary>The session this code named is gone: ask its grain next time.</summary>
    public void Forget(string code) => _known.TryRemove(code, out _);
}
