using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Cafes;

public sealed class CafeListingState
{
    public CafeListing? Listing { get; set; }
    public List<RegistrationRecord> Registrations { get; set; } = [];

    /// <summary>Someone gave an e-mail address: the café's mail grain (which alone keeps addresses) follows the listing.</summary>
    public bool HasMail { get; set; }
}

/// <summary>A registration: a name, if given, and when. No e-mail here (the mail grain keeps it apart): the link is the ticket.</summary>
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
public sealed partial class CafeListingGrain(
    [PersistentState("cafeListing", StorageNames.Cafe)] IPersistentState<CafeListingState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits,
    TimeProvider clock,
    ILogger<CafeListingGrain> log) : Grain, ICafeListingGrain
{
    private ICafeDirectoryGrain Directory => grains.GetGrain<ICafeDirectoryGrain>(0);

    private ICafeMailGrain Mail => grains.GetGrain<ICafeMailGrain>(this.GetPrimaryKey());

    public async Task Publish(CafeListing listing)
    {
        store.State.Listing = listing with { Registered = store.State.Registrations.Count };
        await store.WriteStateAsync();
        await Directory.Upsert(store.State.Listing);
        if (store.State.HasMail)
        {
            // An ended café's addresses are erased here; a moved one is reminded on its new date.
            await Mail.ListingChanged(store.State.Listing);
        }
    }

    public async Task Unpublish()
    {
        if (store.State.Listing is null && store.State.Registrations.Count == 0)
        {
            return;
        }
        if (store.State.HasMail)
        {
            await Mail.ListingChanged(null);
        }
        await store.ClearStateAsync();
        store.State = new CafeListingState();
        await Directory.Remove(this.GetPrimaryKey());
    }

    public Task<CafeListing?> Get() => Task.FromResult(store.State.Listing);

    public Task<string?> Invitation(string origin) =>
        Task.FromResult(store.State.Listing is { } listing ? CafeInvitation.Ics(listing, origin, clock.GetUtcNow()) : null);

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
        var email = EmailAddress.Normalize(request.Email, out var validEmail);
        if (!validEmail)
        {
            return Refuse(RefusalCodes.Invalid, $"An e-mail address looks like name@example.org, {EmailAddress.MaxLength} characters at most.");
        }
        var registration = new RegistrationRecord { Id = Secrets.NewParticipantId(), Name = name, At = clock.GetUtcNow() };
        store.State.Registrations.Add(registration);
        store.State.HasMail |= email is not null;
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
        var mail = email is null ? (RegistrationMail?)null : await KeepAddress(registration.Id, email, store.State.Listing);
        var joinPath = $"/join/{listing.JoinCode}" + (name is null ? "" : $"?name={Uri.EscapeDataString(name)}");
        return Outcome<Registration>.Ok(new Registration(registration.Id, joinPath, store.State.Listing.Registered, listing.Capacity,
            CafeInvitation.Path(listing.SessionId), mail));
    }

    /// <summary>The place is stored already: an address that cannot be kept costs the mail, not the place.</summary>
    private async Task<RegistrationMail> KeepAddress(string registrationId, string email, CafeListing listing)
    {
        try
        {
            return await Mail.Add(registrationId, email, listing);
        }
        catch (Exception ex)
        {
            LogAddressNotKept(log, ex, this.GetPrimaryKey());
            return RegistrationMail.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An e-mail address given for café {SessionId} could not be kept; the registration stands")]
    private static partial void LogAddressNotKept(ILogger logger, Exception ex, Guid sessionId);

    private static Outcome<Registration> Refuse(string code, string message) => Outcome<Registration>.Refuse(new Refusal(code, message));
}
