using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>The session as a format, and a session made from one (docs/PROTOCOL.md, "Formats").</summary>
public partial interface ISessionGrain
{
    /// <summary>Creates this session from a format: its agenda, polls and opinion maps as drafts, its details and settings.</summary>
    [Alias("CreateFromFormat")]
    Task<Outcome<SessionCreated>> CreateFromFormat(string? title, SessionFormat? format, FormatOrigin? origin);

    /// <summary>The session as a format (the facilitator's key).</summary>
    [Alias("ExportFormat")]
    Task<Outcome<SessionFormat>> ExportFormat(string? facilitatorKey);

    /// <summary>The catalogue format this session publishes its versions under (null: none yet), for its facilitator.</summary>
    [Alias("GetPublishedFormatId")]
    Task<Outcome<string?>> GetPublishedFormatId(string? facilitatorKey);

    [Alias("RecordPublishedFormat")]
    Task<Outcome<Done>> RecordPublishedFormat(string? facilitatorKey, string formatId);

    /// <summary>The café's programme pushes a format: applied while the café is a draft (invalid when ill formed, closed once started).</summary>
    [Alias("ApplyProgrammeFormat")]
    Task<Outcome<Done>> ApplyProgrammeFormat(Guid programmeId, SessionFormat format, FormatOrigin? origin);
}
