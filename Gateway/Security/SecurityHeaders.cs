namespace CafeIA.Gateway.Security;

/// <summary>
/// Browser-side protections on every response: scripts, styles and connections from this origin
/// only (no inline script), frames only for https video players, never framed by another site,
/// no Referer (keys travel in URL fragments anyway). Images also from the map's tile server.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string? tileOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; connect-src 'self'; " +
        "frame-src https:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <remarks>
    /// Not an async method: it returns the rest of the pipeline's task, so a hub connection (a
    /// request that lasts as long as the connection) keeps no state machine of it alive.
    /// </remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin)
    {
        var policy = ContentSecurityPolicy(tileOrigin);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
    }
}
