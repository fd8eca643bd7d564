using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// A refusal on its way out of a hub method or filter. <see cref="RefusalFilter"/> turns it into
/// the call's result, <see cref="CallRefused"/>; it stays a <see cref="HubException"/> so that
/// the filters inside (the unexpected-error log) tell it from a failure.
/// </summary>
public sealed class RefusedException(Refusal refusal) : HubException(refusal.ToString())
{
    public Refusal Refusal { get; } = refusal;
}

public static class Refused
{
    public static RefusedException With(string code, string message) => new(new Refusal(code, message));

    public static T Unwrap<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? throw new RefusedException(refusal) : outcome.Value!;
}
