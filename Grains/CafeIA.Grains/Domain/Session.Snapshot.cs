using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    public Outcome<SessionSnapshot> Snapshot(string participantId) =>
        state.Participants.TryGetValue(participantId, out var participant)
            ? Outcome<SessionSnapshot>.Ok(Snapshot(participant))
            : Refuse<SessionSnapshot>(RefusalCodes.Forbidden, "Join the session first.");

    public SessionSummary Summary() => new(state.Id.ToString(), state.Title, state.Phase, state.JoinCode);

    /// <summary>Everything one participant may see now, with their own upvotes and ballots marked.</summary>
    /// Made before the grain takes the pending changes, so it carries the seq those changes will get.
    private SessionSnapshot Snapshot(Participant viewer) => new(
        state.Seq + (_pending.Count > 0 ? 1 : 0),
        state.Id.ToString(),
        state.Title,
        state.JoinCode,
        state.Phase,
        [.. state.Questions.Where(q => q.Status == QuestionStatus.Visible).Select(q => View(q, viewer))],
        [.. state.Polls.Select(p => View(p, viewer))],
        Counts(),
        new Me(viewer.Id, viewer.Role, viewer.Mode, viewer.DisplayName));
}
