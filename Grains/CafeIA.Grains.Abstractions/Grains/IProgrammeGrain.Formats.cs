using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>A programme pushes a format to its cafés (docs/PROTOCOL.md, "National programmes").</summary>
public partial interface IProgrammeGrain
{
    /// <summary>The organiser pushes a format: every café still in draft takes its agenda, polls, opinion maps and settings.</summary>
    [Alias("PushFormat")]
    Task<Outcome<ProgrammeFormatPushed>> PushFormat(string? organiserKey, SessionFormat format, FormatOrigin? origin);
}
