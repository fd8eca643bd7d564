using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Api;

/// <summary>
/// The session a join code in a route names. Looking codes up is how one would guess them, so an
/// unknown code counts against the caller's address, and an address that guessed too often gets
/// rate-limited (429, Retry-After) before any lookup.
/// </summary>
public static class JoinCodeLookup
{
    public static async Task<(Guid? SessionId, JsonHttpResult<ApiError>? Refused)> Find(string? joinCode, HttpContext http, IGrainFactory grains, AbuseGuard guard)
    {
        if (!guard.MayTryJoinCodes(ClientAddress.Of(http)))
        {
            http.Response.Headers.RetryAfter = "60";
            return (null, HttpRefusal.Of(RefusalCodes.RateLimited, "Too many unknown join codes from your network: wait a minute."));
        }
        return JoinCode.Normalize(joinCode) is { } code && await grains.GetGrain<IJoinCodeGrain>(code).GetSessionId() is { } sessionId
            ? (sessionId, null)
            : (null, Unknown(http, guard));
    }

    /// <summary>The 404 for a code that names no session, counted as a guess.</summary>
    public static JsonHttpResult<ApiError> Unknown(HttpContext http, AbuseGuard guard)
    {
        guard.FailedJoin(ClientAddress.Of(http));
        return HttpRefusal.Of(RefusalCodes.NotFound, "No session has this join code.", "joinCode");
    }
}
