using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>The facilitator lists the café on the public map, or takes it off.</summary>
public sealed partial class Session
{
    public Outcome<Done> PublishToMap(string participantId, CafeListingRequest request)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This session has ended.");
        }
        if (Text.Required(request.Place, limits.MaxPlaceLength) is not { } place)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A place needs 1 to {limits.MaxPlaceLength} characters (a town, a library, or \"en ligne\").");
        }
        var organiser = Text.Optional(request.Organiser, limits.MaxOrganiserLength, out var validOrganiser);
        if (!validOrganiser)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"An organiser's name has at most {limits.MaxOrganiserLength} characters.");
        }
        if (request.StartsAt is not { } startsAt)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Give the date and time the café starts.");
        }
        if (!Enum.IsDefined(request.Format))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "A café is onsite, remote or hybrid.");
        }
        if ((request.Latitude is null) != (request.Longitude is null)
            || request.Latitude is < -90 or > 90 || request.Longitude is < -180 or > 180
            || request.Latitude is double.NaN || request.Longitude is double.NaN)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Coordinates are a latitude (-90..90) and a longitude (-180..180), both or neither.");
        }
        if (request.Capacity is { } capacity && (capacity < 1 || capacity > limits.MaxCafeCapacity))
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A capacity is 1 to {limits.MaxCafeCapacity} places, or none.");
        }
        if (request.DurationMinutes is { } minutes && (minutes < 1 || minutes > limits.MaxCafeDurationMinutes))
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A café lasts 1 to {limits.MaxCafeDurationMinutes} minutes, or give no duration ({CafeListing.DefaultDurationMinutes} minutes).");
        }
        var listing = new CafeListingRequest(place, startsAt, request.Format, organiser,
            request.Latitude is { } lat ? Math.Round(lat, 5) : null, request.Longitude is { } lon ? Math.Round(lon, 5) : null, request.Capacity,
            DurationMinutes: request.DurationMinutes);
        if (listing != state.Listing)
        {
            state.Listing = listing;
            Emit(new CafeListed(listing), Audience.Staff);
        }
        return Ok();
    }

    public Outcome<Done> UnpublishFromMap(string participantId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Listing is not null)
        {
            state.Listing = null;
            Emit(new CafeListed(null), Audience.Staff);
        }
        return Ok();
    }

    /// <summary>The café as the map shows it (registrations are counted by its listing grain).</summary>
    public CafeListing? Listing(int registered = 0) => state.Listing is { } l
        ? new CafeListing(state.Id.ToString(), state.Title, state.JoinCode, l.Place!, l.StartsAt!.Value, l.Format, l.Organiser,
            l.Latitude, l.Longitude, l.Capacity, registered, state.Phase switch
            {
                SessionPhase.Live => CafeStatus.Live,
                SessionPhase.Ended => CafeStatus.Past,
                _ => CafeStatus.Upcoming,
            }, l.DurationMinutes)
        : null;
}
