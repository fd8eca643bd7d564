using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Security;

/// <summary>The client's network address, used only for abuse limits: it is never stored.</summary>
internal static class ClientAddress
{
    public static string Of(HubCallerContext context) => Of(context.GetHttpContext());

    /// <summary>
    /// Read from the connection feature, which forwarded headers (when trusted) also set: going
    /// through HttpContext.Connection would build a ConnectionInfo that a hub connection keeps.
    /// </summary>
    public static string Of(HttpContext? http) => http?.Features.Get<IHttpConnectionFeature>()?.RemoteIpAddress?.ToString() ?? "unknown";
}
