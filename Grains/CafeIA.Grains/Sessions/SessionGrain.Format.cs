using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>The session as a format (Domain/Session.Format.cs), and a session created from one.</summary>
public sealed partial class SessionGrain
{
    public Task<Outcome<SessionCreated>> CreateFromFormat(string? title, SessionFormat? format, FormatOrigin? origin) =>
        Create(title ?? format?.Title, format?.Language ?? SessionLanguage.Fr, s => s.ImportFormat(format, origin));

    public Task<Outcome<SessionFormat>> ExportFormat(string? facilitatorKey) => Apply(null, s => s.ExportFormat(facilitatorKey));

    public Task<Outcome<string?>> GetPublishedFormatId(string? facilitatorKey) =>
        Apply(null, s => s.IsFacilitatorKey(facilitatorKey)
            ? Outcome<string?>.Ok(s.PublishedFormatId)
            : Outcome<string?>.Refuse(new Refusal(RefusalCodes.Forbidden, "Only the session's facilitator publishes its format.")));

    public Task<Outcome<Done>> ApplyProgrammeFormat(Guid programmeId, SessionFormat format, FormatOrigin? origin) =>
        Apply(null, s => s.ApplyProgrammeFormat(programmeId, format, origin));

    public Task<Outcome<Done>> RecordPublishedFormat(string? facilitatorKey, string formatId) =>
        Apply(null, s => s.RecordPublishedFormat(facilitatorKey, formatId));
}
