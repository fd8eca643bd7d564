namespace CafeIA.Wire;

// The café's agenda (docs/PROTOCOL.md, "Agenda"): an ordered list of activities the facilitator
// prepares in Préparer and walks through in Animer. Enums travel as camelCase strings: never
// rename a member.

/// <summary>What an activity of the agenda is: a poll, an opinion map, questions, a round of speaking, a break, or a text.</summary>
public enum AgendaActivityKind
{
    Poll = 0,
    Opinion = 1,
    Questions = 2,
    Speaking = 3,
    Break = 4,
    Text = 5,
}

/// <summary>
/// One activity as SetAgenda gives it. Id: kept when given (so an edited agenda keeps its
/// activities' identities), else chosen by the server. PollId with kind poll only (and required
/// there), OpinionId likewise with kind opinion: a poll or opinion map of the session. Notes are
/// the facilitator's: the staff see them, nobody else.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ActivityDefinition")]
public sealed record ActivityDefinition(
    [property: Id(0)] string? Id = null,
    [property: Id(1)] AgendaActivityKind? Kind = null,
    [property: Id(2)] string? Title = null,
    [property: Id(3)] int? DurationMinutes = null,
    [property: Id(4)] string? Notes = null,
    [property: Id(5)] string? PollId = null,
    [property: Id(6)] string? OpinionId = null,
    [property: Id(7)] bool OpenOnStart = false,
    [property: Id(8)] bool ShowTimer = false);

/// <summary>SetAgenda: the whole agenda, in order (it replaces the previous one).</summary>
[GenerateSerializer, Immutable, Alias("cafe.SetAgendaRequest")]
public sealed record SetAgendaRequest([property: Id(0)] ActivityDefinition[]? Activities,
    [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>FocusActivity: the activity to move the focus to.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ActivityRef")]
public sealed record ActivityRef([property: Id(0)] string? ActivityId, [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>ExtendTimer: minutes added to the running timer (negative shortens it).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ExtendTimerRequest")]
public sealed record ExtendTimerRequest([property: Id(0)] int? Minutes, [property: Id(1)] string? OpId = null) : IOperation;

/// <summary>An activity as one audience sees it: Notes for the staff only.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ActivityView")]
public sealed record ActivityView(
    [property: Id(0)] string Id,
    [property: Id(1)] AgendaActivityKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] string? Notes = null,
    [property: Id(5)] string? PollId = null,
    [property: Id(6)] string? OpinionId = null,
    [property: Id(7)] bool OpenOnStart = false,
    [property: Id(8)] bool ShowTimer = false);

/// <summary>The running activity's timer: started when the focus moved to it, due at EndsAt.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ActivityTimer")]
public sealed record ActivityTimer(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] int DurationMinutes,
    [property: Id(3)] DateTimeOffset EndsAt);

/// <summary>The agenda now, as this audience sees it (staff: with the notes).</summary>
[GenerateSerializer, Immutable, Alias("cafe.AgendaChanged")]
public sealed record AgendaChanged([property: Id(0)] ActivityView[] Activities) : SessionEvent;

/// <summary>The activity in focus now (absent: none) and its timer (absent: none running), to every audience.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ActivityChanged")]
public sealed record ActivityChanged([property: Id(0)] string? ActivityId, [property: Id(1)] ActivityTimer? Timer) : SessionEvent;
