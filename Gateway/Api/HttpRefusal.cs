using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Api;

/// <summary>
/// The one mapping from a refusal code to an HTTP status, for every HTTP route (docs/PROTOCOL.md,
/// "HTTP errors"): the body is always <see cref="ApiError"/>, so a client reads the code, not the status.
/// </summary>
public static class HttpRefusal
{
    public static int StatusOf(string code) => code switch
    {
        RefusalCodes.Forbidden => StatusCodes.Status403Forbidden,
        RefusalCodes.NotFound => StatusCodes.Status404NotFound,
        RefusalCodes.Full or RefusalCodes.Closed => StatusCodes.Status409Conflict,
        RefusalCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        RefusalCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static JsonHttpResult<ApiError> Of(Refusal refusal) => TypedResults.Json(ApiError.Of(refusal), statusCode: StatusOf(refusal.Code));

    public static JsonHttpResult<ApiError> Of(string code, string message, string? field = null) => Of(new Refusal(code, message, field));
}
