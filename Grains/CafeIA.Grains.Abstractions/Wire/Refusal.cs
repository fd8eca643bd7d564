namespace CafeIA.Wire;

/// <summary>
/// Why a command was refused: a stable machine code and a sentence for a person.
/// A refused hub call completes with the result <see cref="CallRefused"/> (docs/PROTOCOL.md, "Refusals").
/// Field, when set, names the input at fault (a JSON path such as "agenda[2].poll.options"); the sentence then starts with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.Refusal")]
public sealed record Refusal([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? Field = null)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>
/// The result of a refused hub call, <c>{ "refused": { "code", "message" } }</c>: no other result
/// has a property "refused", so a client tells a refusal from a value by it.
/// </summary>
public sealed record CallRefused(Refusal Refused);

/// <summary>The stable refusal codes of the public protocol (docs/PROTOCOL.md).</summary>
public static class RefusalCodes
{
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Invalid = "invalid";
    public const string Closed = "closed";
    public const string NotLive = "not-live";
    public const string Muted = "muted";
    public const string RateLimited = "rate-limited";
    public const string Full = "full";
    /// <summary>The staff paused new questions (PauseQuestions); upvotes go on.</summary>
    public const string Paused = "paused";
    /// <summary>Storage or the cluster failed: the call changed nothing and may be retried (same opId).</summary>
    public const string Unavailable = "unavailable";
    /// <summary>A format written for a newer schema version than this server reads.</summary>
    public const string UnsupportedVersion = "unsupported-version";
}

/// <summary>The value of a command, or the reason it was refused; never both.</summary>
[GenerateSerializer, Immutable, Alias("cafe.Outcome`1")]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> Refuse(Refusal refusal) => new(default, refusal);
}

/// <summary>The empty value of commands that only succeed or fail.</summary>
[GenerateSerializer, Immutable, Alias("cafe.Done")]
public sealed record Done
{
    public static readonly Done Instance = new();
}
