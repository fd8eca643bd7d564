using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// One café on the map (key: its session id): the listing and its registrations. One grain per
/// café serialises registrations, so a capacity is never exceeded however many arrive at once.
/// </summary>
[Alias("cafe.ICafeListingGrain")]
public interface ICafeListingGrain : IGrainWithGuidKey
{
    /// <summary>Lists or updates the café (from its session, once the facilitator published it).</summary>
    [Alias("Publish")]
    Task Publish(CafeListing listing);

    [Alias("Unpublish")]
    Task Unpublish();

    [Alias("Get")]
    Task<CafeListing?> Get();

    /// <summary>A place, or "full" past the capacity, "closed" once the café is over, "not-found" if not listed.</summary>
    [Alias("Register")]
    Task<Outcome<Registration>> Register(RegistrationRequest request);

    /// <summary>The café as an iCalendar file (RFC 5545) whose links start with <paramref name="origin"/>; null if not listed.</summary>
    [Alias("Invitation")]
    Task<string?> Invitation(string origin);
}

/// <summary>Every listed café, for the map page (one grain, key 0: listings are few and small).</summary>
[Alias("cafe.ICafeDirectoryGrain")]
public interface ICafeDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task Upsert(CafeListing listing);

    [Alias("Remove")]
    Task Remove(Guid sessionId);

    [Alias("List")]
    Task<CafeListing[]> List();
}
