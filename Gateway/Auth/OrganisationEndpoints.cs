using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Antiforgery;

namespace CafeIA.Gateway.Auth;

public sealed record CreateOrganisationRequest(string? Name);

public sealed record AcceptInvitationRequest(string? InvitationKey);

/// <summary>
/// Organisations of signed-in facilitators, under /api/orgs (only when sign-in is on). Every route
/// needs the sign-in cookie (else 401); every state-changing one the antiforgery token (else 400);
/// a caller who is not a member gets 403, whether the organisation exists or not.
/// </summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!OidcOptions.IsConfigured(configuration))
        {
            return endpoints;
        }
        var orgs = endpoints.MapGroup("/api/orgs");
        orgs.MapGet("/", Mine);
        orgs.MapPost("/", Create);
        orgs.MapGet("/{organisationId:guid}", Get);
        orgs.MapPost("/{organisationId:guid}/invitations", Invite);
        orgs.MapPost("/{organisationId:guid}/members", Accept);
        orgs.MapDelete("/{organisationId:guid}/members/{subject}", RemoveMember);
        orgs.MapOrganisationCafes();
        return endpoints;
    }

    /// <summary>"My organisations": each one the index names, if the organisation still counts the caller as a member.</summary>
    private static async Task<IResult> Mine(HttpContext http, IGrainFactory grains)
    {
        if (SignedInFacilitator.Of(http) is not { } me)
        {
            return CookieCall.SignedOut();
        }
        var ids = await grains.GetGrain<IMembershipsGrain>(me.Subject).List();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOrganisationGrain>(id).Get(me.Subject)));
        return TypedResults.Ok(new MyOrganisations([.. views.Where(v => !v.IsRefused).Select(v => v.Value!)
            .Select(v => new OrganisationSummary(v.OrganisationId, v.Name, v.Role, v.Members.Length, v.Cafes.Length))]));
    }

    private static async Task<IResult> Create(HttpContext http, IAntiforgery antiforgery, IGrainFactory grains, CreateOrganisationRequest? request)
    {
        if (await CookieCall.Refusal(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var me = SignedInFacilitator.Of(http)!;
        var outcome = await grains.GetGrain<IOrganisationGrain>(Guid.NewGuid()).Create(me.Subject, me.Name, request?.Name ?? "");
        return outcome.Refusal is { } refusal
            ? CookieCall.Refused(refusal)
            : TypedResults.Created($"/api/orgs/{outcome.Value!.OrganisationId}", outcome.Value);
    }

    private static async Task<IResult> Get(Guid organisationId, HttpContext http, IGrainFactory grains)
    {
        if (SignedInFacilitator.Of(http) is not { } me)
        {
            return CookieCall.SignedOut();
        }
        return Answer(await grains.GetGrain<IOrganisationGrain>(organisationId).Get(me.Subject));
    }

    private static async Task<IResult> Invite(Guid organisationId, HttpContext http, IAntiforgery antiforgery, IGrainFactory grains)
    {
        if (await CookieCall.Refusal(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var outcome = await grains.GetGrain<IOrganisationGrain>(organisationId).Invite(SignedInFacilitator.Of(http)!.Subject);
        return outcome.Refusal is { } refusal ? CookieCall.Refused(refusal) : TypedResults.Created((string?)null, outcome.Value);
    }

    private static async Task<IResult> Accept(Guid organisationId, HttpContext http, IAntiforgery antiforgery, IGrainFactory grains, AcceptInvitationRequest? request)
    {
        if (await CookieCall.Refusal(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var me = SignedInFacilitator.Of(http)!;
        return Answer(await grains.GetGrain<IOrganisationGrain>(organisationId).Accept(me.Subject, me.Name, request?.InvitationKey ?? ""));
    }

    private static async Task<IResult> RemoveMember(Guid organisationId, string subject, HttpContext http, IAntiforgery antiforgery, IGrainFactory grains)
    {
        if (await CookieCall.Refusal(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var outcome = await grains.GetGrain<IOrganisationGrain>(organisationId).RemoveMember(SignedInFacilitator.Of(http)!.Subject, subject);
        return outcome.Refusal is { } refusal ? CookieCall.Refused(refusal) : TypedResults.NoContent();
    }

    internal static IResult Answer<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? CookieCall.Refused(refusal) : TypedResults.Ok(outcome.Value);
}
