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
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = configuration.GetSection("Gateway:AllowedOrigins").Get<string[]>() ?? [];
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubSetup.Path)
                && context.Request.Headers.Origin is [{ } origin]
                && !IsAllowed(origin, context.Request, allowed))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new Api.ApiError(RefusalCodes.Forbidden, "This page's origin may not connect to this service."));
                return;
            }
            await next(context);
        });
    }

    private static bool IsAllowed(string origin, HttpRequest request, string[] allowed) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || allowed.Contains(origin, StringComparer.OrdinalIgnoreCase);
}
