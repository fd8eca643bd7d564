using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// A new session from a format (docs/PROTOCOL.md, "Formats"): its agenda, its polls and opinion maps
/// as drafts, its details and settings. Everything is checked before anything is applied: a format
/// with one fault is refused whole, the field at fault named.
/// </summary>
public sealed partial class Session
{
    public const int MaxFormatDurationMinutes = AgendaRules.MaxActivities * AgendaRules.MaxDurationMinutes;

    /// <summary>Applies a format to this new session (right after Create); refused whole, changing nothing, if it is ill formed.</summary>
    public Refusal? ImportFormat(SessionFormat? format, FormatOrigin? origin)
    {
        if (format is null)
        {
            return Invalid("format", "Give a format.");
        }
        if (format.SchemaVersion > SessionFormat.CurrentSchemaVersion)
        {
            return new Refusal(RefusalCodes.UnsupportedVersion,
                $"schemaVersion: this format was written for schema version {format.SchemaVersion}; this server reads up to {SessionFormat.CurrentSchemaVersion}. Update the server, or export the format again from a server of this version.",
                "schemaVersion");
        }
        if (format.SchemaVersion < 1)
        {
            return Invalid("schemaVersion", $"A format's schemaVersion is a whole number from 1 to {SessionFormat.CurrentSchemaVersion}.");
        }
        if (Text.Required(format.Title, limits.MaxTitleLength) is null)
        {
            return Invalid("title", $"A title needs 1 to {limits.MaxTitleLength} characters.");
        }
        var description = Text.Optional(format.Description, MaxDescriptionLength, out var validDescription);
        var audience = Text.Optional(format.Audience, MaxAudienceLength, out var validAudience);
        if (!validDescription || !validAudience)
        {
            return validDescription
                ? Invalid("audience", $"At most {MaxAudienceLength} characters.")
                : Invalid("description", $"At most {MaxDescriptionLength} characters.");
        }
        if (format.Licence is { } licence && !IsLicence(licence))
        {
            return Invalid("licence", "An SPDX licence identifier, such as CC-BY-SA-4.0.");
        }
        if (format.Language is { } language && !Enum.IsDefined(language))
        {
            return Invalid("language", "A format speaks fr or en.");
        }
        if (format.DurationMinutes is < 0 or > MaxFormatDurationMinutes)
        {
            return Invalid("durationMinutes", $"A format lasts 0 to {MaxFormatDurationMinutes} minutes.");
        }
        if (format.Settings is { } settings && !Enum.IsDefined(settings.ProfanityFilter))
        {
            return Invalid("settings.profanityFilter", "The profanity filter is off, review or mask.");
        }
        var (plan, refusal) = PlanAgenda(format.Agenda);
        if (refusal is not null)
        {
            return refusal;
        }
        Apply(format, description, audience, plan!, origin);
        return null;
    }

    private sealed record AgendaPlan(List<Poll> Polls, List<Opinion> Opinions, List<AgendaActivity> Activities, int PollsCreated, int OpinionsCreated, int ActivitiesCreated);

    private (AgendaPlan?, Refusal?) PlanAgenda(FormatActivity?[]? agenda)
    {
        if (agenda is null)
        {
            return (null, Invalid("agenda", "A format has an agenda (a list of activities, possibly empty)."));
        }
        var (polls, opinions, definitions) = (new List<Poll>(), new List<Opinion>(), new List<ActivityDefinition?>());
        var (pollsCreated, opinionsCreated, activitiesCreated) = (state.PollsCreated, state.OpinionsCreated, state.ActivitiesCreated);
        var now = clock.GetUtcNow();
        for (var i = 0; i < agenda.Length && i <= AgendaRules.MaxActivities; i++)
        {
            var at = $"agenda[{i}]";
            if (agenda[i] is not { } activity)
            {
                definitions.Add(null);
                continue;
            }
            if ((activity.Poll is not null) != (activity.Kind == AgendaActivityKind.Poll))
            {
                return (null, Invalid($"{at}.poll", "A poll activity, and only it, carries its poll's definition (poll)."));
            }
            if ((activity.Opinion is not null) != (activity.Kind == AgendaActivityKind.Opinion))
            {
                return (null, Invalid($"{at}.opinion", "An opinion activity, and only it, carries its opinion map (opinion)."));
            }
            string? pollId = null, opinionId = null;
            if (activity.Poll is { } definition)
            {
                if (state.Polls.Count + polls.Count >= limits.MaxPollsPerSession)
                {
                    return (null, Invalid($"{at}.poll", $"A session has at most {limits.MaxPollsPerSession} polls."));
                }
                if (definition.Kind is not { } kind)
                {
                    return (null, Invalid($"{at}.poll.kind", "A poll is single, multiple, wordCloud, rating, openText, ranking, points or quiz."));
                }
                var poll = new Poll { State = PollState.Draft, CreatedAt = now };
                if (PollRules.Define(poll, PollRequest(definition, kind), limits) is { } invalid)
                {
                    return (null, Invalid($"{at}.poll", invalid.Message));
                }
                poll.ResultsOnScreen = !poll.HideResults;
                poll.Id = pollId = $"p{++pollsCreated}";
                polls.Add(poll);
            }
            if (activity.Opinion is { } map)
            {
                if (state.Opinions.Count + opinions.Count >= limits.MaxOpinionsPerSession)
                {
                    return (null, Invalid($"{at}.opinion", $"A session has at most {limits.MaxOpinionsPerSession} opinion maps."));
                }
                var (opinion, field, message) = DefineOpinion(map, $"o{++opinionsCreated}", now);
                if (opinion is null)
                {
                    return (null, Invalid($"{at}.opinion.{field}", message!));
                }
                opinionId = opinion.Id;
                opinions.Add(opinion);
            }
            definitions.Add(new ActivityDefinition(activity.Id, activity.Kind, activity.Title, activity.DurationMinutes, activity.Notes,
                pollId, opinionId, activity.OpenOnStart, activity.ShowTimer));
        }
        if (agenda.Length > AgendaRules.MaxActivities)
        {
            return (null, Invalid("agenda", $"An agenda has at most {AgendaRules.MaxActivities} activities."));
        }
        var (activities, refusal) = AgendaRules.Build(definitions, id => polls.Exists(p => p.Id == id), id => opinions.Exists(o => o.Id == id),
            () => $"a{++activitiesCreated}", list: "agenda");
        return refusal is not null
            ? (null, refusal)
            : (new AgendaPlan(polls, opinions, activities!, pollsCreated, opinionsCreated, activitiesCreated), null);
    }

    private void Apply(SessionFormat format, string? description, string? audience, AgendaPlan plan, FormatOrigin? origin)
    {
        var settings = format.Settings ?? new FormatSettings();
        (state.Description, state.Audience) = (description, audience);
        state.Licence = format.Licence is null or SessionFormat.DefaultLicence ? null : format.Licence;
        (state.PreModeration, state.ProfanityFilter, state.EasyRead) = (settings.Moderation, settings.ProfanityFilter, settings.EasyRead);
        foreach (var opinion in plan.Opinions)
        {
            // Seed statements are the staff's: they pass the session's profanity filter as staff texts do.
            opinion.Topic = StaffText(opinion.Topic);
            opinion.Statements.ForEach(s => s.Text = StaffText(s.Text));
        }
        state.Polls.AddRange(plan.Polls);
        state.Opinions.AddRange(plan.Opinions);
        state.Agenda = plan.Activities;
        (state.PollsCreated, state.OpinionsCreated, state.ActivitiesCreated) = (plan.PollsCreated, plan.OpinionsCreated, plan.ActivitiesCreated);
        state.FormatOrigin = origin;
        MarkDirty();
    }

    private (Opinion? Opinion, string? Field, string? Message) DefineOpinion(FormatOpinion map, string id, DateTimeOffset now)
    {
        if (Text.Required(map.Topic, limits.MaxOpinionTopicLength) is not { } topic)
        {
            return (null, "topic", $"A topic needs 1 to {limits.MaxOpinionTopicLength} characters.");
        }
        var seeds = map.Statements ?? [];
        if (seeds.Length > limits.MaxStatementsPerOpinion)
        {
            return (null, "statements", $"An opinion map has at most {limits.MaxStatementsPerOpinion} statements.");
        }
        var opinion = new Opinion { Id = id, Topic = topic, State = OpinionState.Draft, CreatedAt = now };
        for (var i = 0; i < seeds.Length; i++)
        {
            if (Text.Required(seeds[i], limits.MaxStatementLength) is not { } text)
            {
                return (null, $"statements[{i}]", $"A statement needs 1 to {limits.MaxStatementLength} characters.");
            }
            opinion.Statements.Add(new Statement
            {
                Id = $"s{++opinion.StatementsAdded}",
                Text = text,
                Status = StatementStatus.Approved,
                Seed = true,
                AddedAt = now,
            });
        }
        return (opinion, null, null);
    }

    private static CreatePollRequest PollRequest(FormatPoll poll, PollKind kind) => new(
        poll.Question, kind, poll.Options, poll.MaxChoices, poll.ScaleMax, poll.MinLabel, poll.MaxLabel, poll.HideResults,
        Budget: poll.Budget, Correct: poll.Correct, Seconds: poll.Seconds, Points: poll.Points);

    private static Refusal Invalid(string field, string message) => new(RefusalCodes.Invalid, $"{field}: {message}", field);
}
