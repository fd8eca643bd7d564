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

    public static async Task Record(Owner owner, ISessionGrain session, SessionCreated created)
    {
        if (owner.Organisation is not { } organisation)
        {
            return;
        }
        var title = (await session.GetSummary())?.Title ?? "";
        await organisation.AddCafe(owner.Subject, session.GetPrimaryKey(), created.JoinCode, title, created.FacilitatorKey);
    }
}
