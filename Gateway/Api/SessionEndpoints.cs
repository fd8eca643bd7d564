using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Api;

public sealed record CreateSessionRequest(string? Title, SessionLanguage Language = SessionLanguage.Fr);

public sealed record SessionInfo(string SessionId, string Title, SessionPhase State, string JoinCode, SessionLanguage Language);

/// <summary>The error body of every refused HTTP call: the same codes as the hub.</summary>
public sealed record ApiError(string Error, string Message);

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/sessions");
        api.MapPost("/", CreateSession);
        api.MapGet("/{joinCode}", GetSession);
        return endpoints;
    }

    private static async Task<Results<Created<SessionCreated>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> CreateSession(
        CreateSessionRequest? request, IGrainFactory grains, AbuseGuard guard, HttpContext http)
    {
        if (guard.Refusal(Creation.Session, http) is { } limited)
        {
            return limited;
        }
        var outcome = await grains.GetGrain<ISessionGrain>(Guid.NewGuid()).Create(request?.Title, request?.Language ?? SessionLanguage.Fr);
        return outcome.Refusal is { } refusal
            ? TypedResults.BadRequest(new ApiError(refusal.Code, refusal.Message))
            : TypedResults.Created($"/api/sessions/{outcome.Value!.JoinCode}", outcome.Value);
    }

    private static async Task<Results<Ok<SessionInfo>, NotFound<ApiError>, JsonHttpResult<ApiError>>> GetSession(
        string joinCode, IGrainFactory grains, AbuseGuard guard, HttpContext http)
    {
        // Looking codes up is how one would guess them: unknown codes count against the address.
        var address = ClientAddress.Of(http);
        if (!guard.MayTryJoinCodes(address))
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Json(new ApiError(RefusalCodes.RateLimited, "Too many unknown join codes from your network: wait a minute."),
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (JoinCode.Normalize(joinCode) is not { } code
            || await grains.GetGrain<IJoinCodeGrain>(code).GetSessionId() is not { } sessionId
            || await grains.GetGrain<ISessionGrain>(sessionId).GetSummary() is not { } summary)
        {
            guard.FailedJoin(address);
            return TypedResults.NotFound(new ApiError(RefusalCodes.NotFound, "No session has this join code."));
        }
        return TypedResults.Ok(new SessionInfo(summary.SessionId, summary.Title, summary.State, summary.JoinCode, summary.Language));
    }
}
