using System.Text.RegularExpressions;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>What makes an agenda well formed (docs/PROTOCOL.md, "Agenda"); a refusal names the field at fault.</summary>
public static partial class AgendaRules
{
    public const int MaxActivities = 50;
    public const int MaxTitleLength = 120;
    public const int MaxNotesLength = 2000;
    public const int MaxDurationMinutes = 600;
    public const int MaxIdLength = 32;
    public const int MaxExtendMinutes = 120;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex IdPattern();

    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// The activities these definitions describe, or why they are ill formed. Poll and opinion
    /// references are checked by <paramref name="hasPoll"/> and <paramref name="hasOpinion"/>;
    /// activities without an id get one from <paramref name="newId"/>.
    /// </summary>
    public static (List<AgendaActivity>? Activities, Refusal? Refusal) Build(
        IReadOnlyList<ActivityDefinition?>? definitions, Func<string, bool> hasPoll, Func<string, bool> hasOpinion, Func<string> newId,
        string list = "activities")
    {
        if (definitions is null)
        {
            return Invalid(list, "Give the agenda's activities (an empty list clears it).");
        }
        if (definitions.Count > MaxActivities)
        {
            return Invalid(list, $"An agenda has at most {MaxActivities} activities.");
        }
        var activities = new List<AgendaActivity>(definitions.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var at = $"{list}[{i}]";
            if (definitions[i] is not { } d)
            {
                return Invalid(at, "An activity is an object.");
            }
            if (d.Id is not null && !IsId(d.Id))
            {
                return Invalid($"{at}.id", $"An activity id has 1 to {MaxIdLength} letters, digits, '-' or '_'.");
            }
            if (d.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                return Invalid($"{at}.kind", "An activity is a poll, opinion, questions, speaking, break or text.");
            }
            if (Text.Required(d.Title, MaxTitleLength) is not { } title)
            {
                return Invalid($"{at}.title", $"An activity's title needs 1 to {MaxTitleLength} characters.");
            }
            if (d.DurationMinutes is not { } minutes || minutes < 0 || minutes > MaxDurationMinutes)
            {
                return Invalid($"{at}.durationMinutes", $"An activity lasts 0 to {MaxDurationMinutes} minutes.");
            }
            var notes = Text.Optional(d.Notes, MaxNotesLength, out var validNotes);
            if (!validNotes)
            {
                return Invalid($"{at}.notes", $"Notes have at most {MaxNotesLength} characters.");
            }
            if ((d.PollId is not null) != (kind == AgendaActivityKind.Poll))
            {
                return Invalid($"{at}.pollId", "A poll activity, and only it, names its poll (pollId).");
            }
            if ((d.OpinionId is not null) != (kind == AgendaActivityKind.Opinion))
            {
                return Invalid($"{at}.opinionId", "An opinion activity, and only it, names its opinion map (opinionId).");
            }
            if (d.PollId is { } pollId && !hasPoll(pollId))
            {
                return (null, new Refusal(RefusalCodes.NotFound, $"{at}.pollId: there is no such poll.", $"{at}.pollId"));
            }
            if (d.OpinionId is { } opinionId && !hasOpinion(opinionId))
            {
                return (null, new Refusal(RefusalCodes.NotFound, $"{at}.opinionId: there is no such opinion map.", $"{at}.opinionId"));
            }
            if (d.OpenOnStart && kind is not (AgendaActivityKind.Poll or AgendaActivityKind.Opinion))
            {
                return Invalid($"{at}.openOnStart", "Only a poll or an opinion map opens on start.");
            }
            var id = d.Id ?? NewUnused(newId, ids, definitions);
            if (!ids.Add(id))
            {
                return Invalid($"{at}.id", "Two activities have the same id.");
            }
            activities.Add(new AgendaActivity
            {
                Id = id,
                Kind = kind,
                Title = title,
                DurationMinutes = minutes,
                Notes = notes,
                PollId = d.PollId,
                OpinionId = d.OpinionId,
                OpenOnStart = d.OpenOnStart,
                ShowTimer = d.ShowTimer,
            });
        }
        return (activities, null);
    }

    /// <summary>A server id that no given activity uses.</summary>
    private static string NewUnused(Func<string> newId, HashSet<string> taken, IReadOnlyList<ActivityDefinition?> definitions)
    {
        while (true)
        {
            var id = newId();
            if (!taken.Contains(id) && !definitions.Any(d => d?.Id == id))
            {
                return id;
            }
        }
    }

    private static (List<AgendaActivity>?, Refusal?) Invalid(string field, string message) =>
        (null, new Refusal(RefusalCodes.Invalid, $"{field}: {message}", field));
}
