using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// Refusals become HubExceptions, whose message SignalR always sends to the caller as is:
/// "code: sentence", the code stable for programs, the sentence for people.
/// </summary>
public static class Refused
{
    public static HubException With(string code, string message) => new($"{code}: {message}");

    public static T Unwrap<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? throw With(refusal.Code, refusal.Message) : outcome.Value!;
}
