using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// What the room sees (docs/PROTOCOL.md, "What the room sees"): the staff choose the screen's view,
/// which the projector draws and the phones show first.
/// </summary>
public sealed partial class Session
{
    public Outcome<Done> SetScreen(string participantId, ScreenRequest request)
    {
        if (StaffChange(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (request.View is not { } view || !Enum.IsDefined(view))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "The screen shows one of join, activity, questions, pinned, blank, leaderboard, podium or opinion.");
        }
        if ((request.OpinionId is not null) != (view == ScreenView.Opinion))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "The opinion view, and only it, shows an opinion map (opinionId).");
        }
        if (request.National is not null && view != ScreenView.Opinion)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Only the opinion view shows a national map (national).");
        }
        if (view == ScreenView.Opinion)
        {
            if (request.PollId is not null)
            {
                return Refuse<Done>(RefusalCodes.Invalid, "Only the activity view shows a poll.");
            }
            if (FindOpinion(request.OpinionId) is not { } opinion)
            {
                return Refuse<Done>(RefusalCodes.NotFound, "There is no such opinion map.");
            }
            var national = request.National == true;
            if (national && opinion.NationalOpinionId is null)
            {
                return Refuse<Done>(RefusalCodes.Invalid, "Only an opinion map pushed by the café's programme has a national map.");
            }
            ShowOnScreen(new Screen(view, OpinionId: request.OpinionId, National: national ? true : null));
            return Ok();
        }
        if (view != ScreenView.Activity)
        {
            if (request.PollId is not null)
            {
                return Refuse<Done>(RefusalCodes.Invalid, "Only the activity view shows a poll.");
            }
            ShowOnScreen(new Screen(view));
            return Ok();
        }
        if (request.PollId is null)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Say which poll the activity view shows.");
        }
        if (FindPoll(request.PollId) is null)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        ShowOnScreen(new Screen(view, request.PollId));
        return Ok();
    }

    /// <summary>Sets the screen and tells every audience; the screen it already has changes nothing.</summary>
    private void ShowOnScreen(Screen screen)
    {
        if (screen == state.Screen)
        {
            return;
        }
        state.Screen = screen;
        Emit(new ScreenChanged(screen.View, screen.PollId, screen.OpinionId, screen.National));
    }

    /// <summary>The facilitator or a moderator, in a session that has not ended.</summary>
    private Refusal? StaffChange(string participantId) =>
        Staff(participantId).Why ?? (state.Phase == SessionPhase.Ended
            ? new Refusal(RefusalCodes.Closed, "This session has ended.")
            : null);
}
