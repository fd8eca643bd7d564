namespace CafeIA.Wire;

// Live reactions (docs/PROTOCOL.md, "Live reactions"): taps on a phone that the projector shows as
// bursts. They are counted, not recorded one by one: each gateway adds up its connections'
// reactions and hands the session one tally every few hundred milliseconds (never one grain call
// per tap), and the session publishes one burst per interval to the staff and the projector.

/// <summary>The session's reaction setting: whether phones may react, and with which kinds (emoji).</summary>
[GenerateSerializer, Immutable, Alias("cafe.Reactions")]
public sealed record Reactions([property: Id(0)] bool Enabled, [property: Id(1)] string[] Kinds)
{
    /// <summary>The kinds of a new session (and of a session stored before reactions existed).</summary>
    public static readonly string[] DefaultKinds = ["👏", "❤️", "😂", "🤔", "👍"];

    public static readonly Reactions Default = new(true, DefaultKinds);

    /// <summary>
    /// Why a reaction of this kind is not taken now (null: it is). The one rule the session applies
    /// to what gateways hand it and each gateway applies to its connections' taps before counting.
    /// </summary>
    public Refusal? Refuse(string? kind, SessionPhase phase) =>
        phase == SessionPhase.Ended ? new Refusal(RefusalCodes.Closed, "This session has ended.")
        : !Enabled ? new Refusal(RefusalCodes.Closed, "Reactions are switched off for now.")
        : kind is null || Array.IndexOf(Kinds, kind) < 0 ? new Refusal(RefusalCodes.Invalid, $"A reaction is one of {string.Join(" ", Kinds)}.")
        : null;

    public bool Equals(Reactions? other) =>
        other is not null && Enabled == other.Enabled && Kinds.AsSpan().SequenceEqual(other.Kinds);

    public override int GetHashCode() => HashCode.Combine(Enabled, Kinds.Length);
}

/// <summary>React: one tap of a kind of the session's set.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReactRequest")]
public sealed record ReactRequest([property: Id(0)] string? Kind);

/// <summary>SetReactions (staff): switch reactions on or off; Kinds, when given, replaces the set.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReactionsRequest")]
public sealed record ReactionsRequest([property: Id(0)] bool Enabled, [property: Id(1)] string?[]? Kinds = null,
    [property: Id(2)] string? OpId = null) : IOperation;

/// <summary>How many reactions of one kind, by the reactors' mode.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReactionCount")]
public sealed record ReactionCount([property: Id(0)] string Kind, [property: Id(1)] int Onsite, [property: Id(2)] int Remote);

/// <summary>What one gateway's connections reacted since its previous tally (gateway → session).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReactionTally")]
public sealed record ReactionTally([property: Id(0)] ReactionCount[] Counts);

/// <summary>
/// One burst (event "reactions", to the staff and the projector): the reactions the session took
/// since its previous burst, per kind, and how many of them came from on site and from remote.
/// Not a value: each burst is new reactions (a screen animates them), so it carries no seq.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ReactionBurst")]
public sealed record ReactionBurst(
    [property: Id(0)] Dictionary<string, int> Counts,
    [property: Id(1)] int Onsite,
    [property: Id(2)] int Remote);

/// <summary>The reaction setting changed (to everyone: phones show or hide their buttons).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReactionsChanged")]
public sealed record ReactionsChanged([property: Id(0)] Reactions Reactions) : SessionEvent;
