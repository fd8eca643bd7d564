using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Api;

/// <summary>Section "Map": the tiles behind the map of cafés (empty TileUrl: no tiles, the list and markers only).</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>The tiles' origin, which the page's Content-Security-Policy must allow for images.</summary>
    public string? TileOrigin => Uri.TryCreate(TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;
}

public sealed record MapSettings(string? TileUrl, string Attribution);

/// <summary>What the map page loads: its tiles, every listed café, and whether registering with an e-mail address sends mail.</summary>
public sealed record CafeMap(MapSettings Map, CafeListing[] Cafes, bool Mail);

public static class CafeEndpoints
{
    public static IEndpointRouteBuilder MapCafeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/cafes");
        api.MapGet("/", ListCafes);
        api.MapPost("/{sessionId:guid}/registrations", Register);
        api.MapGet("/{sessionId:guid}/invite.ics", Invitation);
        return endpoints;
    }

    private static async Task<Ok<CafeMap>> ListCafes(IGrainFactory grains, IOptions<MapOptions> map) =>
        TypedResults.Ok(new CafeMap(
            new MapSettings(string.IsNullOrWhiteSpace(map.Value.TileUrl) ? null : map.Value.TileUrl, map.Value.Attribution),
            await grains.GetGrain<ICafeDirectoryGrain>(0).List(),
            await grains.GetGrain<IMailScheduleGrain>(0).IsOn()));

    /// <summary>The café as an iCalendar file; its links on Gateway:PublicUrl when set, else on the address the request used (as the QR code).</summary>
    private static async Task<IResult> Invitation(Guid sessionId, IGrainFactory grains, HttpRequest request, IConfiguration configuration)
    {
        var origin = configuration["Gateway:PublicUrl"]?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        if (await grains.GetGrain<ICafeListingGrain>(sessionId).Invitation(origin) is not { } ics)
        {
            return HttpRefusal.Of(RefusalCodes.NotFound, "This café is not on the map.");
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8; method=PUBLISH", "cafe-ia-invitation.ics");
    }

    private static async Task<Results<Created<Registration>, JsonHttpResult<ApiError>>> Register(
        Guid sessionId, RegistrationRequest? request, IGrainFactory grains, AbuseGuard guard, HttpContext http)
    {
        if (guard.Refusal(Creation.Registration, http) is { } limited)
        {
            return limited;
        }
        var outcome = await grains.GetGrain<ICafeListingGrain>(sessionId).Register(request ?? new RegistrationRequest(null));
        if (outcome.Refusal is { } refusal)
        {
            return HttpRefusal.Of(refusal);
        }
        return TypedResults.Created($"/api/cafes/{sessionId}/registrations/{outcome.Value!.RegistrationId}", outcome.Value);
    }
}
