using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>Raises or lowers the caller's hand; the staff see the queue in order of raising.</summary>
    public Outcome<Done> SetHand(string participantId, bool raised)
    {
        var (who, refusal) = Contributor(participantId);
        if (who is null)
        {
            return Outcome<Done>.Refuse(refusal!);
        }
        var raisedNow = state.Hands.Exists(h => h.ParticipantId == who.Id);
        if (raised == raisedNow)
        {
            return Ok();
        }
        if (raised && who.Muted)
        {
            return Refuse<Done>(RefusalCodes.Muted, "A moderator has muted you: you cannot ask for the floor.");
        }
        if (raised)
        {
            state.Hands.Add(new RaisedHand { ParticipantId = who.Id, RaisedAt = clock.GetUtcNow() });
        }
        else
        {
            state.Hands.RemoveAll(h => h.ParticipantId == who.Id);
        }
        EmitHands();
        EmitTo(who, new MeChanged(MeOf(who)));
        return Ok();
    }

    /// <summary>Gives the floor to a raised hand: the named one, or the first in the queue.</summary>
    public Outcome<SpeakerCalled> CallSpeaker(string participantId, string? targetId)
    {
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return Outcome<SpeakerCalled>.Refuse(refusal);
        }
        var hand = targetId is null ? state.Hands.FirstOrDefault() : state.Hands.Find(h => h.ParticipantId == targetId);
        if (hand is null || Find(hand.ParticipantId) is not { } speaker)
        {
            return Refuse<SpeakerCalled>(targetId is null ? RefusalCodes.Invalid : RefusalCodes.NotFound,
                targetId is null ? "Nobody has raised a hand." : "This participant has not raised a hand.");
        }
        state.Hands.Remove(hand);
        EmitHands();
        GiveFloor(speaker);
        return Outcome<SpeakerCalled>.Ok(new SpeakerCalled(speaker.Id));
    }

    /// <summary>Ends the current turn: the staff, or the speaker themself.</summary>
    public Outcome<Done> EndSpeaking(string participantId)
    {
        if (Find(participantId) is not { } caller || (!caller.IsStaff && state.SpeakerId != caller.Id))
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "Only the staff or the speaker can end a turn.");
        }
        GiveFloor(null);
        return Ok();
    }

    private void GiveFloor(Participant? speaker)
    {
        var previous = Find(state.SpeakerId);
        if (previous == speaker)
        {
            return;
        }
        state.SpeakerId = speaker?.Id;
        var now = clock.GetUtcNow();
        if (previous is not null && state.SpeakingTurns.Count > 0 && state.SpeakingTurns[^1].End is null)
        {
            state.SpeakingTurns[^1].End = now;
        }
        if (speaker is not null)
        {
            state.SpeakingTurns.Add(new SpeakingTurn { Mode = speaker.Mode, Start = now });
        }
        Emit(new SpeakerChanged(SpeakerView()));
        foreach (var changed in new[] { previous, speaker }.OfType<Participant>())
        {
            EmitTo(changed, new MeChanged(MeOf(changed)));
        }
    }

    private SpeakerView? SpeakerView() =>
        Find(state.SpeakerId) is { } speaker ? new SpeakerView(speaker.DisplayName, speaker.Mode) : null;

    private HandView[] HandViews() =>
        [.. state.Hands.Select(h => Find(h.ParticipantId) is { } p ? new HandView(p.Id, p.DisplayName, p.Mode, h.RaisedAt) : null).OfType<HandView>()];

    private void EmitHands() => Emit(new HandsChanged(HandViews()), Audience.Staff);
}
