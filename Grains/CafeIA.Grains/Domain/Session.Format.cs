using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The session as a format (docs/PROTOCOL.md, "Formats"): its agenda with each poll's and opinion
/// map's definition inline, its details and settings. Nothing of its participants, keys or results.
/// </summary>
public sealed partial class Session
{
    public Outcome<SessionFormat> ExportFormat(string? facilitatorKey) =>
        IsFacilitatorKey(facilitatorKey)
            ? Outcome<SessionFormat>.Ok(Format())
            : Refuse<SessionFormat>(RefusalCodes.Forbidden, "Only the session's facilitator (Authorization: Bearer {facilitatorKey}) exports its format.");

    public bool IsFacilitatorKey(string? key) => key is not null && Secrets.Matches(key, state.FacilitatorKeyHash);

    /// <summary>The catalogue format this session publishes its versions under (null until its first publication).</summary>
    public string? PublishedFormatId => state.PublishedFormatId;

    /// <summary>Remembers the catalogue format this session published (its next publication is a new version of it).</summary>
    public Outcome<Done> RecordPublishedFormat(string? facilitatorKey, string formatId)
    {
        if (!IsFacilitatorKey(facilitatorKey))
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "Only the session's facilitator publishes its format.");
        }
        if (state.PublishedFormatId != formatId)
        {
            state.PublishedFormatId = formatId;
            MarkDirty();
        }
        return Ok();
    }

    private SessionFormat Format() => new(
        SessionFormat.CurrentSchemaVersion,
        state.Title,
        state.Description,
        state.Audience,
        state.Language,
        state.Agenda.Sum(a => a.DurationMinutes),
        state.Licence ?? SessionFormat.DefaultLicence,
        [.. state.Agenda.Select(FormatActivity)],
        new FormatSettings(state.PreModeration, state.ProfanityFilter, state.EasyRead));

    private FormatActivity FormatActivity(AgendaActivity activity) => new(
        activity.Id,
        activity.Kind,
        activity.Title,
        activity.DurationMinutes,
        activity.Notes,
        FindPoll(activity.PollId) is { } poll ? FormatPoll(poll) : null,
        FindOpinion(activity.OpinionId) is { } opinion ? FormatOpinion(opinion) : null,
        activity.OpenOnStart,
        activity.ShowTimer);

    /// <summary>A poll's definition, as CreatePoll takes it: its options only where the kind has options of its own.</summary>
    private static FormatPoll FormatPoll(Poll poll) => new(
        poll.Question,
        poll.Kind,
        poll.Kind is PollKind.Rating or PollKind.WordCloud or PollKind.OpenText ? null : poll.Options,
        poll.MaxChoices,
        poll.ScaleMax,
        poll.MinLabel,
        poll.MaxLabel,
        poll.HideResults,
        poll.Budget,
        poll.Correct,
        poll.Seconds,
        poll.MaxPoints);

    /// <summary>The topic and the seed statements still shown: participants' statements are theirs, not the format's.</summary>
    private static FormatOpinion FormatOpinion(Opinion opinion) =>
        new(opinion.Topic, [.. opinion.Statements.Where(s => s.Seed && s.Status == StatementStatus.Approved).Select(s => s.Text)]);
}
