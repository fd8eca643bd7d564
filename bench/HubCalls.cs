using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>A refused call: the hub completed it with <c>{ "refused": { "code", "message" } }</c> (docs/PROTOCOL.md, "Refusals").</summary>
internal sealed class RefusedCallException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>The bench's calls to the hub: a refusal throws, as a lost call does, instead of passing for a result.</summary>
internal static class HubCalls
{
    public static async Task<JsonElement> Call(this HubConnection hub, string method, params object?[] args)
    {
        var result = await hub.InvokeCoreAsync<JsonElement>(method, args);
        return result.ValueKind == JsonValueKind.Object && result.TryGetProperty("refused", out var refused)
            ? throw new RefusedCallException(refused.GetProperty("code").GetString() ?? "", refused.GetProperty("message").GetString() ?? "")
            : result;
    }
}
