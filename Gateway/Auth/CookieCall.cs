using CafeIA.Gateway.Api;
using CafeIA.Wire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Auth;

/// <summary>
/// The checks of an HTTP call authenticated by the sign-in cookie. A browser sends that cookie with
/// any request a foreign page makes (SameSite=Lax still allows top-level navigations), so every
/// state-changing call also proves it comes from our page with the antiforgery token.
/// </summary>
public static class CookieCall
{
    /// <summary>Null when signed in with a valid antiforgery token; else the 401 or 400 answer.</summary>
    public static async Task<JsonHttpResult<ApiError>?> Refusal(HttpContext http, IAntiforgery antiforgery)
    {
        if (SignedInFacilitator.Of(http) is null)
        {
            return SignedOut();
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return HttpRefusal.Of(RefusalCodes.Invalid, "antiforgery: missing or wrong X-CSRF-TOKEN (GET /api/me gives it).", "antiforgery");
        }
        return null;
    }

    public static JsonHttpResult<ApiError> SignedOut() =>
        TypedResults.Json(new ApiError(RefusalCodes.Forbidden, "Sign in first."), statusCode: StatusCodes.Status401Unauthorized);

    public static JsonHttpResult<ApiError> Refused(Refusal refusal) => HttpRefusal.Of(refusal);
}
