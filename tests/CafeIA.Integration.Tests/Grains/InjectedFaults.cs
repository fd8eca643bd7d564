using System.Collections.Concurrent;
using CafeIA.Grains.Abstractions;

namespace CafeIA.Integration.Tests.Grains;

/// <summary>
/// A silo call filter that makes chosen calls fail, as a grain on a failing silo or storage would:
/// the next <c>n</c> publishes of one café's map listing throw. Other calls pass untouched.
/// </summary>
internal sealed class InjectedFaults : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<Guid, int> ListingFailures = new();

    /// <summary>The next <paramref name="times"/> calls to publish this session's café on the map throw.</summary>
    public static void FailMapListing(Guid sessionId, int times) => ListingFailures[sessionId] = times;

    /// <summary>How many of them are still to fail.</summary>
    public static int MapListingFailuresLeft(Guid sessionId) => ListingFailures.GetValueOrDefault(sessionId);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is ICafeListingGrain && context.InterfaceMethod.Name == nameof(ICafeListingGrain.Publish)
            && ListingFailures.TryGetValue(context.TargetId.GetGuidKey(), out var left) && left > 0
            && ListingFailures.TryUpdate(context.TargetId.GetGuidKey(), left - 1, left))
        {
            throw new InvalidOperationException("The map listing failed (injected).");
        }
        return context.Invoke();
    }
}
