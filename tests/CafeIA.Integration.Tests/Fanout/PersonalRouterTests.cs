using CafeIA.Gateway.Fanout;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>Personal events to their participant's connections on this gateway, and nowhere else.</summary>
public sealed class PersonalRouterTests
{
    private static readonly Guid Session = Guid.NewGuid();

    [Fact]
    public async Task Each_participants_events_go_to_their_own_connections_only()
    {
        var (connections, screens) = (new ConnectionRegistry(), new RecordingScreens());
        connections.Add(Session, "alice", new FakeConnection("a1"));
        connections.Add(Session, "alice", new FakeConnection("a2"));
        connections.Add(Session, "bob", new FakeConnection("b1"));
        var router = new PersonalRouter(Session, connections, screens);

        // Carol has no connection here (she is on another gateway): nothing is sent for her.
        var changes = new SessionChanges(7, [
            new Delivery(new ParticipantMuted("alice", true), Audience.Personal, "alice"),
            new Delivery(new CountsChanged(new Counts(3, 0)), Audience.Everyone),
            new Delivery(new ParticipantMuted("carol", true), Audience.Personal, "carol"),
        ]);
        await router.Send(changes, CancellationToken.None);

        var sent = Assert.Single(screens.Sends);
        Assert.Equal(["a1", "a2"], sent.To);
        Assert.Equal(ScreenEvents.Personal, sent.Method);
        var batch = Assert.IsType<ChangeBatch>(sent.Payload);
        Assert.Equal(7, batch.Seq);
        Assert.Equal(new SessionEvent[] { new ParticipantMuted("alice", true) }, batch.Events);
    }

    [Fact]
    public async Task A_revoked_participant_is_told_then_their_connections_are_closed()
    {
        var (connections, screens) = (new ConnectionRegistry(), new RecordingScreens());
        var (moderator, other) = (new FakeConnection("m1"), new FakeConnection("o1"));
        connections.Add(Session, "mod", moderator);
        connections.Add(Session, "other", other);
        var router = new PersonalRouter(Session, connections, screens);

        await router.Send(Batches.ForOne(3, "mod", new RoleRevoked("revoked")), CancellationToken.None);

        Assert.Equal(["m1"], Assert.Single(screens.Sends).To);
        Assert.True(moderator.Aborted);
        Assert.False(other.Aborted);
    }

    [Fact]
    public async Task A_joiner_is_replayed_its_own_personal_events_only()
    {
        var screens = new RecordingScreens();
        var router = new PersonalRouter(Session, new ConnectionRegistry(), screens);
        var missed = SessionChanges.Merge([Batches.ForOne(4, "alice"), Batches.ForOne(5, "bob")]);

        await router.SendTo("a9", "alice", missed, CancellationToken.None);

        var sent = Assert.Single(screens.Sends);
        Assert.Equal(["a9"], sent.To);
        Assert.Equal(new SessionEvent[] { new ParticipantMuted("alice", true) }, Assert.IsType<ChangeBatch>(sent.Payload).Events);
    }
}
