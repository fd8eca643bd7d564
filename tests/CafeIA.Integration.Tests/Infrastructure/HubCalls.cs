using System.Text.Json;
using CafeIA.Gateway.Hosting;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>A refused hub call (docs/PROTOCOL.md, "Refusals"): its code read from the result's field.</summary>
public sealed class CallRefusedException(Refusal refusal) : HubException(refusal.ToString())
{
    public string Code => refusal.Code;

    public string Sentence => refusal.Message;
}

/// <summary>
/// The tests' one way to call the hub, as the web's call layer: a result with a "refused"
/// property is a refusal and throws <see cref="CallRefusedException"/>; anything else is the value.
/// </summary>
public static class HubCalls
{
    private static readonly JsonSerializerOptions Json = Options();

    /// <summary>The options the test clients' JSON protocol uses (the gateway's, events in any property order).</summary>
    public static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Apply(options);
        options.AllowOutOfOrderMetadataProperties = true;
        return options;
    }

    public static async Task<T> Call<T>(this HubConnection hub, string method, params object?[] args) =>
        Checked(await hub.InvokeCoreAsync<JsonElement>(method, args)).Deserialize<T>(Json)!;

    public static async Task Call(this HubConnection hub, string method, params object?[] args) =>
        Checked(await hub.InvokeCoreAsync<JsonElement>(method, args));

    /// <summary>The refusal in a call's result, if it is one.</summary>
    public static Refusal? RefusalIn(JsonElement result) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty("refused", out var refused)
            ? refused.Deserialize<Refusal>(Json)
            : null;

    private static JsonElement Checked(JsonElement result) =>
        RefusalIn(result) is { } refusal ? throw new CallRefusedException(refusal) : result;
}
