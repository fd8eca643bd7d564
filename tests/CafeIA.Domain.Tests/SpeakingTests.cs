using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class SpeakingTests
{
    [Fact]
    public void Raised_hands_queue_in_order_with_their_mode_for_the_staff()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetHand(f.Chloe, true));
        Ok(f.Session.SetHand(f.Alice, true));
        var hands = Ok(f.Session.Snapshot(f.Facilitator)).Hands!;
        Assert.Equal([(f.Chloe, ParticipantMode.Remote), (f.Alice, ParticipantMode.Onsite)], hands.Select(h => (h.ParticipantId, h.Mode)));
        Assert.Null(Ok(f.Session.Snapshot(f.Bob)).Hands);
        Assert.True(Ok(f.Session.Snapshot(f.Chloe)).Me!.HandRaised);
    }

    [Fact]
    public void Calling_the_next_speaker_gives_the_first_hand_the_floor_and_tells_them()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetHand(f.Chloe, true));
        Ok(f.Session.SetHand(f.Alice, true));
        f.Session.TakeChanges();

        Assert.Equal(f.Chloe, Ok(f.Session.CallSpeaker(f.Facilitator, null)).ParticipantId);

        var changes = f.Session.TakeChanges()!;
        Assert.Contains(new SpeakerChanged(new SpeakerView("Chloé", ParticipantMode.Remote)), changes.For(Audience.Participants).Events);
        var (who, batch) = Assert.Single(changes.Personal());
        Assert.Equal(f.Chloe, who);
        Assert.True(Assert.IsType<MeChanged>(Assert.Single(batch.Events)).Me.Speaking);
        Assert.Equal([f.Alice], Ok(f.Session.Snapshot(f.Facilitator)).Hands!.Select(h => h.ParticipantId));
    }

    [Fact]
    public void Lowering_a_hand_leaves_the_queue_and_nobody_to_call_is_invalid()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetHand(f.Bob, true));
        Ok(f.Session.SetHand(f.Bob, false));
        Refused(f.Session.CallSpeaker(f.Facilitator, null), RefusalCodes.Invalid);
        Refused(f.Session.CallSpeaker(f.Alice, null), RefusalCodes.Forbidden);
    }

    [Fact]
    public void The_speaker_or_the_staff_end_the_turn()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetHand(f.Bob, true));
        Ok(f.Session.CallSpeaker(f.Facilitator, f.Bob));
        Refused(f.Session.EndSpeaking(f.Alice), RefusalCodes.Forbidden);
        Ok(f.Session.EndSpeaking(f.Bob));
        Assert.Null(Ok(f.Session.Snapshot(f.Alice)).Speaker);
        Assert.False(Ok(f.Session.Snapshot(f.Bob)).Me!.Speaking);
    }
}
