using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    public Outcome<SessionSnapshot> Snapshot(string participantId) =>
        Find(participantId) is { Revoked: false } participant
            ? Outcome<SessionSnapshot>.Ok(Snapshot(participant))
            : Refuse<SessionSnapshot>(RefusalCodes.Forbidden, "Join the session first.");

    public SessionSummary Summary() => new(state.Id.ToString(), state.Title, state.Phase, state.JoinCode, state.Language);

    /// <summary>
    /// Everything one participant may see now, with their own upvotes and ballots marked.
    /// Made before the grain takes the pending changes, so it carries the seq those changes will get.
    /// </summary>
    private SessionSnapshot Snapshot(Participant viewer) => new(
        state.Seq + (_pending.Count > 0 || _tallyDue.Count > 0 || _countsDue.Count > 0 ? 1 : 0),
        state.Id.ToString(),
        state.Title,
        state.JoinCode,
        state.Phase,
        [.. state.Questions.Where(q => Sees(viewer, q)).Select(q => View(q, viewer))],
        [.. state.Polls.Where(p => SeesPoll(viewer, p)).Select(p => PollView(p, viewer))],
        Counts(),
        MeOf(viewer),
        state.PreModeration,
        VideoEmbed.View(state.VideoUrl),
        SpeakerView(),
        viewer.IsStaff ? HandViews() : null,
        viewer.IsStaff ? ModeratorLinkViews() : null,
        viewer.IsStaff ? [.. state.Participants.Values.Where(p => p.Muted).Select(p => p.Id)] : null,
        state.Language,
        viewer.IsStaff ? state.Listing : null,
        viewer.IsStaff ? state.ReportPublic : null,
        state.ProgrammeId?.ToString(),
        state.Screen,
        state.StartedAt,
        Announcement: state.Announcement,
        QuestionsPaused: state.QuestionsPaused,
        ProfanityFilter: state.ProfanityFilter,
        EasyRead: state.EasyRead,
        Leaderboard: Leaderboard(),
        Reactions: ReactionSetting(),
        KioskLinks: viewer.IsStaff ? KioskLinkViews() : null,
        Opinions: state.Opinions.Count == 0 ? null : [.. state.Opinions.Where(o => SeesOpinion(viewer, o)).Select(o => OpinionView(o, viewer))],
        Conclusion: viewer.IsStaff ? state.Conclusion : null,
        Agenda: AgendaViews(viewer.IsStaff),
        CurrentActivity: state.CurrentActivityId,
        Timer: state.Timer,
        Details: Details(),
        FormatOrigin: state.FormatOrigin);
}
