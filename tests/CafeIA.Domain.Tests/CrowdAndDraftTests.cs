using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

/// <summary>What bounds a session's audience, and when a session never started is abandoned.</summary>
public sealed class CrowdAndDraftTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static (Session Session, SessionCreated Created) NewSession(SessionLimits limits)
    {
        var state = new SessionState();
        var created = SessionFixture.Ok(Session.Create(state, Guid.NewGuid(), "Café IA", "ABC234", limits, Created));
        return (new Session(state, limits, TimeProvider.System), created);
    }

    [Fact]
    public void A_full_session_refuses_new_participants_but_takes_back_those_who_joined_and_its_staff()
    {
        var (session, created) = NewSession(new SessionLimits { MaxParticipantsPerSession = 2 });
        var alice = SessionFixture.Ok(session.Join(new JoinOptions("Alice")));
        SessionFixture.Ok(session.Join(new JoinOptions("Bob")));
        var revision = session.Revision;

        SessionFixture.Refused(session.Join(new JoinOptions("Chloé")), RefusalCodes.Full);
        Assert.Equal(revision, session.Revision);
        Assert.Equal(alice.ParticipantId, SessionFixture.Ok(session.Join(new JoinOptions(ResumeToken: alice.ResumeToken))).ParticipantId);
        Assert.Equal(Role.Facilitator, SessionFixture.Ok(session.Join(new JoinOptions(Key: created.FacilitatorKey))).Role);
    }

    [Fact]
    public void A_draft_is_abandoned_after_its_retention_from_creation_or_from_its_listed_date()
    {
        var limits = new SessionLimits { DraftRetention = TimeSpan.FromDays(60) };
        var (session, created) = NewSession(limits);
        Assert.Equal(Created.AddDays(60), session.AbandonedDraftAfter());

        var facilitator = SessionFixture.Ok(session.Join(new JoinOptions(Key: created.FacilitatorKey))).ParticipantId;
        var startsAt = Created.AddDays(120);
        SessionFixture.Ok(session.PublishToMap(facilitator, new CafeListingRequest("Médiathèque", startsAt)));
        Assert.Equal(startsAt.AddDays(60), session.AbandonedDraftAfter());

        SessionFixture.Ok(session.SetPhase(facilitator, SessionPhase.Live));
        Assert.Null(session.AbandonedDraftAfter());
    }
}
