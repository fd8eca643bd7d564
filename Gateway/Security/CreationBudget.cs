using System.Globalization;
using CafeIA.Gateway.Api;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Security;

/// <summary>
/// What a client address may create over HTTP (sessions, programmes, registrations): beyond its
/// budget a request is answered 429 <c>rate-limited</c> with <c>Retry-After</c> (seconds), before any grain is called.
/// </summary>
internal static class CreationBudget
{
    /// <summary>Null when this request may create; else the refusal to answer.</summary>
    public static JsonHttpResult<ApiError>? Refusal(this AbuseGuard guard, Creation kind, HttpContext http)
    {
        if (guard.TryCreate(kind, ClientAddress.Of(http)) is not { } wait)
        {
            return null;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var what = kind switch
        {
            Creation.Session => "sessions created",
            Creation.Programme => "programmes created",
            _ => "registrations",
        };
        return Api.HttpRefusal.Of(RefusalCodes.RateLimited, $"Too many {what} from your network: try again in {seconds} s.");
    }
}
