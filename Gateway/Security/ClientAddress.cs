using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Security;

/// <summary>The client's network address, used only for abuse limits: it is never stored.</summary>
internal static class ClientAddress
{
    public static string Of(HubCallerContext context) => Of(context.GetHttpContext());

    public static string Of(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
