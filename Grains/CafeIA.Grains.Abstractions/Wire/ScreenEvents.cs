namespace CafeIA.Wire;

/// <summary>
/// The names of the hub's events to screens (docs/PROTOCOL.md). The gateway's typed hub client
/// (Gateway/Hubs/ICafeScreen) sends under these names; .NET clients listen with them.
/// </summary>
public static class ScreenEvents
{
    /// <summary>A batch of session changes, in seq order (<see cref="ChangeBatch"/>).</summary>
    public const string Changes = "changes";

    /// <summary>Events for one participant only, outside the seq (<see cref="ChangeBatch"/>).</summary>
    public const string Personal = "personal";

    /// <summary>Changes may have been missed whatever the seq says: fetch a snapshot.</summary>
    public const string Resync = "resync";

    /// <summary>A burst of live reactions, to the staff and the projector (<see cref="ReactionBurst"/>).</summary>
    public const string Reactions = "reactions";

    /// <summary>A national programme's tallies (<see cref="ProgrammeView"/>).</summary>
    public const string Programme = "programme";

    /// <summary>The connection is refused before any call (<see cref="Refusal"/>), then closed.</summary>
    public const string Refused = "refused";
}
