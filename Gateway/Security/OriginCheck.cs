using CafeIA.Gateway.Hubs;
using CafeIA.Wire;

namespace CafeIA.Gateway.Security;

/// <summary>
/// Browsers send an Origin header with WebSocket and fetch requests; a page of another site must
/// not drive the hub with a visitor's browser. Allowed: this gateway's own origin, and the origins
/// listed in Gateway:AllowedOrigins. Programs that send no Origin (bots, tests, apps) are not concerned.
/// </summary>
public static class OriginCheck
{
    /// <remarks>
    /// Not an async lambda: an allowed request gets the rest of the pipeline's task, so a hub
    /// connection (a request that lasts as long as the connection) keeps no state machine of it alive.
    /// </remarks>
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = configuration.GetSection("Gateway:AllowedOrigins").Get<string[]>() ?? [];
        return app.Use((context, next) =>
            context.Request.Path.StartsWithSegments(HubSetup.Path)
            && context.Request.Headers.Origin is [{ } origin]
            && !IsAllowed(origin, context.Request, allowed)
                ? Refuse(context.Response)
                : next(context));
    }

    private static Task Refuse(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status403Forbidden;
        return response.WriteAsJsonAsync(new Api.ApiError(RefusalCodes.Forbidden, "This page's origin may not connect to this service."));
    }

    private static bool IsAllowed(string origin, HttpRequest request, string[] allowed) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || allowed.Contains(origin, StringComparer.OrdinalIgnoreCase);
}
