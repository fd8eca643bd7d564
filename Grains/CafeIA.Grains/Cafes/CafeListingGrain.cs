using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Cafes;

public sealed class CafeListingState
{
    public CafeListing? Listing { get; set; }
    public List<RegistrationRecord> Registrations { get; set; } = [];
}

/// <summary>A registration: a name, if given, and when. No e-mail, no address: the link is the ticket.</summary>
public sealed class RegistrationRecord
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// One listed café and its registrations. Orleans runs one call at a time here, so the check
/// against the capacity and the write of the new place cannot interleave with another registration.
/// </summary>
public sealed class CafeListingGrain(
    [PersistentState("cafeListing", StorageNames.Cafe)] IPersistentState<CafeListingState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits,
    TimeProvider clock) : Grain, ICafeListingGrain
{
    private ICafeDirectoryGrain Directory => grains.GetGrain<ICafeDirectoryGrain>(0);

    public async Task Publish(CafeListing listing)
    {
        store.State.Listing = listing with { Registered = store.State.Registrations.Count };
        await store.WriteStateAsync();
        await Directory.Upsert(store.State.Listing);
    }

    public async Task Unpublish()
    {
        if (store.State.Listing is null && store.State.Registrations.Count == 0)
        {
            return;
        }
        await store.ClearStateAsync();
        store.State = new CafeListingState();
        await Directory.Remove(this.GetPrimaryKey());
    }

    public Task<CafeListing?> Get() => Task.FromResult(store.State.Listing);

    public async Task<Outcome<Registration>> Register(RegistrationRequest request)
    {
        if (store.State.Listing is not { } listing)
        {
            return Refuse(RefusalCodes.NotFound, "This café is not on the map.");
        }
        if (listing.Status == CafeStatus.Past)
        {
            return Refuse(RefusalCodes.Closed, "This café is over.");
        }
        if (listing.Full)
        {
            return Refuse(RefusalCodes.Full, $"This café is full: its {listing.Capacity} places are taken.");
        }
        var name = Text.Optional(request.Name, limits.Value.MaxDisplayNameLength, out var validName);
        if (!validName)
        {
            return Refuse(RefusalCodes.Invalid, $"A name has at most {limits.Value.MaxDisplayNameLength} characters.");
        }
        var registration = new RegistrationRecord { Id = Secrets.NewParticipantId(), Name = name, At = clock.GetUtcNow() };
        store.State.Registrations.Add(registration);
        store.State.Listing = listing with { Registered = store.State.Registrations.Count };
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Not written, not given: reload the stored registrations on the next call.
            DeactivateOnIdle();
            throw;
        }
        await Directory.Upsert(store.State.Listing);
        var joinPath = $"/join/{listing.JoinCode}" + (name is null ? "" : $"?name={Uri.EscapeDataString(name)}");
        return Outcome<Registration>.Ok(new Registration(registration.Id, joinPath, store.State.Listing.Registered, listing.Capacity));
    }

    private static Outcome<Registration> Refuse(string code, string message) => Outcome<Registration>.Refuse(new Refusal(code, message));
}
