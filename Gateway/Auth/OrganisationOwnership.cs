using CafeIA.Gateway.Api;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Auth;

/// <summary>
/// A session created with an organisationId belongs to that organisation: the caller must be signed
/// in, a member, and send the antiforgery token; the café and its facilitator key are then recorded
/// with the organisation, whose members can list it and recover the key.
/// </summary>
public static class OrganisationOwnership
{
    public sealed record Owner(IOrganisationGrain? Organisation, string Subject, JsonHttpResult<ApiError>? Refused);

    private static readonly Owner Nobody = new(null, "", null);

    public static async Task<Owner> Check(Guid? organisationId, HttpContext http, IGrainFactory grains)
    {
        if (organisationId is not { } id)
        {
            return Nobody;
        }
        if (!OidcOptions.IsConfigured(http.RequestServices.GetRequiredService<IConfiguration>()))
        {
            return Nobody with
            {
                Refused = HttpRefusal.Of(RefusalCodes.Invalid, "organisationId: sign-in is off on this server.", "organisationId"),
            };
        }
        if (await CookieCall.Refusal(http, http.RequestServices.GetRequiredService<IAntiforgery>()) is { } refused)
        {
            return Nobody with { Refused = refused };
        }
        var me = SignedInFacilitator.Of(http)!;
        var organisation = grains.GetGrain<IOrganisationGrain>(id);
        var member = await organisation.Get(me.Subject);
        return member.Refusal is { } notMember ? Nobody with { Refused = CookieCall.Refused(notMember) } : new Owner(organisation, me.Subject, null);
    }

    /// <summary>
    /// Records the new café with its organisation; null when done (or when it has none). Refused
    /// (the member was removed since <see cref="Check"/>): the refusal with field <c>organisationId</c>,
    /// and the caller gets no keys; the session, never started, is purged as an abandoned draft.
    /// </summary>
    /// <param name="title">The title the session was created with (the organisation trims it as the session does).</param>
    public static async Task<JsonHttpResult<ApiError>?> Record(Owner owner, Guid sessionId, SessionCreated created, string? title)
    {
        if (owner.Organisation is not { } organisation)
        {
            return null;
        }
        var recorded = await organisation.AddCafe(owner.Subject, sessionId, created.JoinCode, title ?? "", created.FacilitatorKey);
        return recorded.Refusal is { } refusal ? CookieCall.Refused(refusal with { Field = "organisationId" }) : null;
    }
}
