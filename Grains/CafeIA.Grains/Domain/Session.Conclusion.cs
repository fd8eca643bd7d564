using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>The report as the café's documentation: its cover, and the conclusion the facilitator writes ("ce que nous retenons").</summary>
public sealed partial class Session
{
    /// <summary>Written, rewritten or cleared (empty text) at any time, after the café too: a conclusion is often written the day after.</summary>
    public Outcome<Done> SetConclusion(string participantId, ConclusionRequest request)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        var text = Text.Optional(request.Text, limits.MaxConclusionLength, out var valid);
        if (!valid)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A conclusion has at most {limits.MaxConclusionLength} characters.");
        }
        if (text != state.Conclusion)
        {
            state.Conclusion = text;
            Emit(new ConclusionChanged(text), Audience.Staff);
        }
        return Ok();
    }

    private ReportCover ReportCover()
    {
        var listing = state.Listing;
        return new ReportCover(
            state.Title,
            listing?.StartsAt ?? state.StartedAt ?? state.CreatedAt,
            listing?.Place,
            listing?.Organiser,
            listing?.Format,
            state.FormatOrigin is { } origin ? new ReportFormat(origin.FormatId, origin.Version) : null,
            state.Description);
    }
}
