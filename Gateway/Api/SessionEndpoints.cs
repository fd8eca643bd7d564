using CafeIA.Gateway.Auth;
using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Api;

/// <summary>
/// A new session: blank, or from a catalogue format (FormatId, its latest version unless Version) or an uploaded Format.
/// OrganisationId (signed in, a member, with the antiforgery token): the session belongs to that organisation.
/// </summary>
public sealed record CreateSessionRequest(string? Title, SessionLanguage? Language = null, string? FormatId = null, int? Version = null,
    SessionFormat? Format = null, Guid? OrganisationId = null);

public sealed record SessionInfo(string SessionId, string Title, SessionPhase State, string JoinCode, SessionLanguage Language);

/// <summary>The error body of every refused HTTP call: the same codes as the hub; Field names the input at fault, when known.</summary>
public sealed record ApiError(string Error, string Message, string? Field = null)
{
    public static ApiError Of(Refusal refusal) => new(refusal.Code, refusal.Message, refusal.Field);
}

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/sessions");
        api.MapPost("/", CreateSession);
        api.MapGet("/{joinCode}", GetSession);
        return endpoints;
    }

    private static async Task<Results<Created<SessionCreated>, JsonHttpResult<ApiError>>> CreateSession(
        HttpRequest httpRequest, FormatUpload upload, IGrainFactory grains, AbuseGuard guard, HttpContext http)
    {
        if (guard.Refusal(Creation.Session, http) is { } limited)
        {
            return limited;
        }
        var (request, unreadable) = await upload.Read<CreateSessionRequest>(httpRequest);
        if (unreadable is not null)
        {
            return HttpRefusal.Of(unreadable);
        }
        if (request?.FormatId is not null && request.Format is not null)
        {
            return HttpRefusal.Of(RefusalCodes.Invalid, "format: give a formatId or a format, not both.", "format");
        }
        var owner = await OrganisationOwnership.Check(request?.OrganisationId, http, grains);
        if (owner.Refused is { } notOwner)
        {
            return notOwner;
        }
        var session = grains.GetGrain<ISessionGrain>(Guid.NewGuid());
        Outcome<SessionCreated> outcome;
        FormatVersion? catalogued = null;
        if (request?.FormatId is { } formatId)
        {
            var format = grains.GetGrain<IFormatGrain>(formatId);
            catalogued = request.Version is { } version ? await format.GetVersion(version) : (await format.Get())?.Latest;
            if (catalogued is null)
            {
                return HttpRefusal.Of(RefusalCodes.NotFound, "There is no such format (or version) in the catalogue.", "formatId");
            }
            outcome = await session.CreateFromFormat(request.Title, catalogued.Format with { Language = request.Language ?? catalogued.Format.Language },
                new FormatOrigin(catalogued.FormatId, catalogued.Version));
        }
        else if (request?.Format is { } uploaded)
        {
            outcome = await session.CreateFromFormat(request.Title, uploaded with { Language = request.Language ?? uploaded.Language }, origin: null);
        }
        else
        {
            outcome = await session.Create(request?.Title, request?.Language ?? SessionLanguage.Fr);
        }
        if (outcome.Refusal is { } refusal)
        {
            // The session names fields within the format; the request holds it under "format".
            return HttpRefusal.Of(request?.Format is not null && refusal.Field is { } field
                ? refusal with { Field = $"format.{field}", Message = $"format.{refusal.Message}" }
                : refusal);
        }
        if (catalogued is not null)
        {
            await grains.GetGrain<IFormatGrain>(catalogued.FormatId).RecordCafe(session.GetPrimaryKey(), catalogued.Version);
        }
        var title = request?.Title ?? catalogued?.Format.Title ?? request?.Format?.Title;
        if (await OrganisationOwnership.Record(owner, session.GetPrimaryKey(), outcome.Value!, title) is { } unrecorded)
        {
            return unrecorded;
        }
        return TypedResults.Created($"/api/sessions/{outcome.Value!.JoinCode}", outcome.Value);
    }

    private static async Task<Results<Ok<SessionInfo>, JsonHttpResult<ApiError>>> GetSession(
        string joinCode, IGrainFactory grains, AbuseGuard guard, HttpContext http)
    {
        var (sessionId, refused) = await JoinCodeLookup.Find(joinCode, http, grains, guard);
        if (sessionId is not { } id)
        {
            return refused!;
        }
        if (await grains.GetGrain<ISessionGrain>(id).GetSummary() is not { } summary)
        {
            return JoinCodeLookup.Unknown(http, guard);
        }
        return TypedResults.Ok(new SessionInfo(summary.SessionId, summary.Title, summary.State, summary.JoinCode, summary.Language));
    }
}
