namespace CafeIA.Wire;

// The map of cafés: a facilitator lists their session (place, date, format, organiser, optional
// capacity); anyone sees the listings and registers for one that takes registrations.

/// <summary>What the facilitator publishes about their café; coordinates place it on the map.</summary>
[GenerateSerializer, Immutable, Alias("cafe.CafeListingRequest")]
public sealed record CafeListingRequest(
    [property: Id(0)] string? Place,
    [property: Id(1)] DateTimeOffset? StartsAt,
    [property: Id(2)] CafeFormat Format = CafeFormat.Onsite,
    [property: Id(3)] string? Organiser = null,
    [property: Id(4)] double? Latitude = null,
    [property: Id(5)] double? Longitude = null,
    [property: Id(6)] int? Capacity = null,
    [property: Id(7)] string? OpId = null,
    [property: Id(8)] int? DurationMinutes = null) : IOperation;

/// <summary>A café as the map and its list show it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.CafeListing")]
public sealed record CafeListing(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Title,
    [property: Id(2)] string JoinCode,
    [property: Id(3)] string Place,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] CafeFormat Format,
    [property: Id(6)] string? Organiser,
    [property: Id(7)] double? Latitude,
    [property: Id(8)] double? Longitude,
    [property: Id(9)] int? Capacity,
    [property: Id(10)] int Registered,
    [property: Id(11)] CafeStatus Status,
    [property: Id(12)] int? DurationMinutes = null,
    [property: Id(13)] string? Summary = null)
{
    /// <summary>How long a café lasts when its facilitator gave no duration (the invitation needs an end).</summary>
    public const int DefaultDurationMinutes = 120;

    public bool Full => Capacity is { } capacity && Registered >= capacity;

    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes ?? DefaultDurationMinutes);
}

/// <summary>A name, if given; an e-mail address, if given, only for the confirmation and the reminder the day before.</summary>
[GenerateSerializer, Immutable, Alias("cafe.RegistrationRequest")]
public sealed record RegistrationRequest([property: Id(0)] string? Name, [property: Id(1)] string? Email = null);

/// <summary>
/// A place at a café: the link joins its session (it waits for the start if need be); the
/// invitation is the café as an iCalendar file; Mail says what became of an e-mail address given.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.Registration")]
public sealed record Registration(
    [property: Id(0)] string RegistrationId,
    [property: Id(1)] string JoinPath,
    [property: Id(2)] int Registered,
    [property: Id(3)] int? Capacity,
    [property: Id(4)] string? InvitePath = null,
    [property: Id(5)] RegistrationMail? Mail = null);

/// <summary>What became of the e-mail address given at registration (absent: none was given).</summary>
public enum RegistrationMail
{
    /// <summary>Kept until the café is over: a confirmation with the invitation now, a reminder the day before.</summary>
    Queued = 0,

    /// <summary>This server sends no mail (no SMTP server configured): the address was not kept.</summary>
    Off = 1,

    /// <summary>The address could not be stored: the place stands, no mail will come.</summary>
    Failed = 2,
}
