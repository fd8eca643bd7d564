using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The agenda (docs/PROTOCOL.md, "Agenda"): the facilitator prepares the café's activities in order
/// and walks through them; moving the focus to one opens its poll or opinion map if asked, starts
/// its timer and puts it on the room's screen.
/// </summary>
public sealed partial class Session
{
    public Outcome<Done> SetAgenda(string participantId, SetAgendaRequest request)
    {
        if (PollManager(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        var next = state.ActivitiesCreated;
        var (activities, invalid) = AgendaRules.Build(request.Activities,
            pollId => FindPoll(pollId) is not null, opinionId => FindOpinion(opinionId) is not null, () => $"a{++next}");
        if (invalid is not null)
        {
            return Outcome<Done>.Refuse(invalid);
        }
        if (SameAgenda(activities!))
        {
            return Ok();
        }
        state.ActivitiesCreated = next;
        ReplaceAgenda(activities!);
        return Ok();
    }

    /// <summary>Moves the focus to the activity after the one in focus (the first when none is).</summary>
    public Outcome<Done> NextActivity(string participantId)
    {
        if (Conducting(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        var at = state.Agenda.FindIndex(a => a.Id == state.CurrentActivityId);
        if (at + 1 >= state.Agenda.Count)
        {
            return Refuse<Done>(RefusalCodes.Invalid, state.Agenda.Count == 0 ? "The agenda is empty." : "This is the agenda's last activity.");
        }
        Focus(state.Agenda[at + 1]);
        return Ok();
    }

    public Outcome<Done> FocusActivity(string participantId, string? activityId)
    {
        if (Conducting(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Agenda.Find(a => a.Id == activityId) is not { } activity)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such activity in the agenda.");
        }
        Focus(activity);
        return Ok();
    }

    public Outcome<Done> StopTimer(string participantId)
    {
        if (Conducting(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Timer is not null)
        {
            state.Timer = null;
            EmitActivity();
        }
        return Ok();
    }

    public Outcome<Done> ExtendTimer(string participantId, ExtendTimerRequest request)
    {
        if (Conducting(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (request.Minutes is not { } minutes || minutes == 0 || Math.Abs(minutes) > AgendaRules.MaxExtendMinutes)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"Extend the timer by 1 to {AgendaRules.MaxExtendMinutes} minutes (negative: shorten it).");
        }
        if (state.Timer is not { } timer)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "No timer is running.");
        }
        var duration = Math.Clamp(timer.DurationMinutes + minutes, 0, AgendaRules.MaxDurationMinutes);
        state.Timer = timer with { DurationMinutes = duration, EndsAt = timer.StartedAt.AddMinutes(duration) };
        EmitActivity();
        return Ok();
    }

    private void Focus(AgendaActivity activity)
    {
        if (activity.OpenOnStart)
        {
            if (FindPoll(activity.PollId) is { State: PollState.Draft } poll)
            {
                MovePoll(poll, PollState.Open);
            }
            if (FindOpinion(activity.OpinionId) is { State: OpinionState.Draft } opinion)
            {
                MoveOpinion(opinion, OpinionState.Open);
            }
        }
        var now = clock.GetUtcNow();
        state.CurrentActivityId = activity.Id;
        state.Timer = activity.DurationMinutes > 0
            ? new ActivityTimer(activity.Id, now, activity.DurationMinutes, now.AddMinutes(activity.DurationMinutes))
            : null;
        EmitActivity();
        ShowOnScreen(activity.Kind switch
        {
            AgendaActivityKind.Poll => new Screen(ScreenView.Activity, activity.PollId),
            AgendaActivityKind.Opinion => new Screen(ScreenView.Opinion, OpinionId: activity.OpinionId),
            AgendaActivityKind.Questions => new Screen(ScreenView.Questions),
            _ => new Screen(ScreenView.Agenda),
        });
    }

    /// <summary>The agenda now; the focus and its timer go if their activity went.</summary>
    private void ReplaceAgenda(List<AgendaActivity> activities)
    {
        state.Agenda = activities;
        Emit(new AgendaChanged(AgendaViews(staff: true)), Audience.Staff);
        Emit(new AgendaChanged(AgendaViews(staff: false)), Audience.Participants | Audience.Projector);
        if (state.CurrentActivityId is { } current && !activities.Exists(a => a.Id == current))
        {
            state.CurrentActivityId = null;
            state.Timer = null;
            EmitActivity();
        }
    }

    /// <summary>A deleted poll takes its activities with it.</summary>
    private void PollLeftAgenda(string pollId)
    {
        if (state.Agenda.Exists(a => a.PollId == pollId))
        {
            ReplaceAgenda([.. state.Agenda.Where(a => a.PollId != pollId)]);
        }
    }

    private bool SameAgenda(List<AgendaActivity> activities) =>
        activities.Count == state.Agenda.Count
        && activities.Zip(state.Agenda).All(p => p.First.View(staff: true) == p.Second.View(staff: true));

    private void EmitActivity() => Emit(new ActivityChanged(state.CurrentActivityId, state.Timer));

    private ActivityView[] AgendaViews(bool staff) => [.. state.Agenda.Select(a => a.View(staff))];

    /// <summary>The facilitator, in a live session: the focus moves while the café runs.</summary>
    private Refusal? Conducting(string participantId) =>
        Facilitator(participantId) ?? state.Phase switch
        {
            SessionPhase.Draft => new Refusal(RefusalCodes.NotLive, "Start the session before running its agenda."),
            SessionPhase.Ended => new Refusal(RefusalCodes.Closed, "This session has ended."),
            _ => null,
        };
}
