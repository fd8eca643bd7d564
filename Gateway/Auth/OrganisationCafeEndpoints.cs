using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using Microsoft.AspNetCore.Antiforgery;

namespace CafeIA.Gateway.Auth;

public sealed record DuplicateCafeRequest(string? Title);

public sealed record HandOverRequest(string? Subject);

/// <summary>
/// An organisation's cafés, under /api/orgs/{organisationId}/cafes/{sessionId}: recover the keys,
/// duplicate (a new draft with the same agenda, polls and settings, the organisation's too), hand
/// over to another member. The organisation grain decides who may; these only carry the call.
/// </summary>
public static class OrganisationCafeEndpoints
{
    public static RouteGroupBuilder MapOrganisationCafes(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{organisationId:guid}/cafes/{sessionId:guid}/keys", RecoverKeys);
        orgs.MapPost("/{organisationId:guid}/cafes/{sessionId:guid}/duplicates", Duplicate);
        orgs.MapPut("/{organisationId:guid}/cafes/{sessionId:guid}/holder", HandOver);
        return orgs;
    }

    private static async Task<IResult> RecoverKeys(Guid organisationId, Guid sessionId, HttpContext http, IGrainFactory grains)
    {
        if (SignedInFacilitator.Of(http) is not { } me)
        {
            return CookieCall.SignedOut();
        }
        return OrganisationEndpoints.Answer(await grains.GetGrain<IOrganisationGrain>(organisationId).RecoverKeys(me.Subject, sessionId));
    }

    private static async Task<IResult> Duplicate(Guid organisationId, Guid sessionId, HttpContext http, IAntiforgery antiforgery, IGrainFactory grains,
        AbuseGuard guard, DuplicateCafeRequest? request)
    {
        if (await CookieCall.Refusal(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var me = SignedInFacilitator.Of(http)!;
        var organisation = grains.GetGrain<IOrganisationGrain>(organisationId);
        // Membership first (403 before any budget is spent), then the creation budget, as for POST /api/sessions.
        var keys = await organisation.RecoverKeys(me.Subject, sessionId);
        if (keys.Refusal is { } notYours)
        {
            return CookieCall.Refused(notYours);
        }
        if (guard.Refusal(Creation.Session, http) is { } limited)
        {
            return limited;
        }
        var format = await grains.GetGrain<ISessionGrain>(sessionId).ExportFormat(keys.Value!.FacilitatorKey);
        if (format.Refusal is { } unreadable)
        {
            return CookieCall.Refused(unreadable);
        }
        var copy = grains.GetGrain<ISessionGrain>(Guid.NewGuid());
        var title = request?.Title ?? format.Value!.Title;
        var created = await copy.CreateFromFormat(title, format.Value!, origin: null);
        if (created.Refusal is { } invalid)
        {
            return CookieCall.Refused(invalid);
        }
        var owner = new OrganisationOwnership.Owner(organisation, me.Subject, null);
        if (await OrganisationOwnership.Record(owner, copy.GetPrimaryKey(), created.Value!, title) is { } unrecorded)
        {
            return unrecorded;
        }
        return TypedResults.Created($"/api/sessions/{created.Value!.JoinCode}", created.Value);
    }

    private static async Task<IResult> HandOver(Guid organisationId, Guid sessionId, HttpContext http, IAntiforgery antiforgery, IGrainFactory grains,
        HandOverRequest? request)
    {
        if (await CookieCall.Refusal(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var me = SignedInFacilitator.Of(http)!;
        return OrganisationEndpoints.Answer(await grains.GetGrain<IOrganisationGrain>(organisationId).HandOver(me.Subject, sessionId, request?.Subject ?? ""));
    }
}
