using CafeIA.Wire;

namespace CafeIA.Domain;

// The agenda's stored state, in the session document. Add properties freely; never rename one.

/// <summary>One activity of the agenda; PollId / OpinionId name a poll or opinion map of the session.</summary>
public sealed class AgendaActivity
{
    public string Id { get; set; } = "";
    public AgendaActivityKind Kind { get; set; }
    public string Title { get; set; } = "";
    public int DurationMinutes { get; set; }

    /// <summary>The facilitator's own notes: staff views only, never a participant's nor the projector's.</summary>
    public string? Notes { get; set; }
    public string? PollId { get; set; }
    public string? OpinionId { get; set; }

    /// <summary>Moving the focus here opens its poll or opinion map (if still a draft).</summary>
    public bool OpenOnStart { get; set; }

    /// <summary>The projector shows the activity's timer.</summary>
    public bool ShowTimer { get; set; }

    public ActivityView View(bool staff) =>
        new(Id, Kind, Title, DurationMinutes, staff ? Notes : null, PollId, OpinionId, OpenOnStart, ShowTimer);
}
