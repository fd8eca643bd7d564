using CafeIA.Storage;
using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Easy-read mode (FALC) as the session's default: the facilitator's choice, seen by every screen.</summary>
public sealed class EasyReadTests
{
    [Fact]
    public void The_facilitator_makes_easy_read_the_default_and_every_audience_is_told()
    {
        var f = new SessionFixture();
        Assert.False(Ok(f.Session.Snapshot(f.Bob)).EasyRead);

        Ok(f.Session.SetEasyRead(f.Facilitator, new EasyReadRequest(true)));
        var changes = f.Session.TakeChanges()!;

        foreach (var audience in new[] { Audience.Participants, Audience.Projector, Audience.Staff })
        {
            Assert.True(Assert.IsType<EasyReadChanged>(Assert.Single(changes.For(audience).Events)).On);
        }
        Assert.True(Ok(f.Session.Snapshot(f.Bob)).EasyRead);
    }

    [Fact]
    public void Setting_the_same_default_again_emits_nothing()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetEasyRead(f.Facilitator, new EasyReadRequest(false)));
        Assert.Null(f.Session.TakeChanges());
    }

    [Fact]
    public void A_participant_or_a_moderator_cannot_change_it_and_a_missing_value_is_invalid()
    {
        var f = new SessionFixture();
        Refused(f.Session.SetEasyRead(f.Alice, new EasyReadRequest(true)), RefusalCodes.Forbidden);
        Refused(f.Session.SetEasyRead(f.Moderator(), new EasyReadRequest(true)), RefusalCodes.Forbidden);
        f.Session.TakeChanges();
        Refused(f.Session.SetEasyRead(f.Facilitator, new EasyReadRequest(null)), RefusalCodes.Invalid);
        Assert.Null(f.Session.TakeChanges());
        Assert.False(Ok(f.Session.Snapshot(f.Bob)).EasyRead);
    }

    [Fact]
    public void The_default_is_stored_and_sessions_stored_before_it_existed_read_as_off()
    {
        var f = new SessionFixture();
        Ok(f.Session.SetEasyRead(f.Facilitator, new EasyReadRequest(true)));
        var written = SessionDocument.Write(f.Session.State, f.Session.TakeStoredChanges()).Document;
        Assert.True(SessionDocument.Read(new StoredSession(1, written, [])).EasyRead);

        var document = System.Text.Json.Nodes.JsonNode.Parse(written)!.AsObject();
        Assert.True(document.Remove("easyRead"));
        Assert.False(SessionDocument.Read(new StoredSession(1, document.ToJsonString(), [])).EasyRead);
    }
}
