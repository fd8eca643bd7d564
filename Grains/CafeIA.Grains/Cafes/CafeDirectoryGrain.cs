using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;

namespace CafeIA.Grains.Cafes;

public sealed class CafeDirectoryState
{
    public Dictionary<Guid, CafeListing> Listings { get; set; } = [];
}

/// <summary>The index of listed cafés behind the map page: each listing grain keeps its entry current.</summary>
public sealed class CafeDirectoryGrain(
    [PersistentState("cafeDirectory", StorageNames.Cafe)] IPersistentState<CafeDirectoryState> store) : Grain, ICafeDirectoryGrain
{
    public async Task Upsert(CafeListing listing)
    {
        store.State.Listings[Guid.Parse(listing.SessionId)] = listing;
        await store.WriteStateAsync();
    }

    public async Task Remove(Guid sessionId)
    {
        if (store.State.Listings.Remove(sessionId))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<CafeListing[]> List() => Task.FromResult<CafeListing[]>([.. store.State.Listings.Values.OrderBy(l => l.StartsAt)]);
}
