using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// Every hub method × every role a key gives: allowed exactly where docs/PROTOCOL.md says, `forbidden`
/// elsewhere, and a forbidden call changes nothing (the session's seq does not move). The table is
/// <see cref="HubMatrix"/>'s; the signed-in callers run it in <see cref="SignedInHubMatrixTests"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private enum Who { Anonymous, Participant, Muted, Moderator, Facilitator, Projector, OtherFacilitator, Kiosk }

    [Fact]
    public async Task Every_method_is_allowed_exactly_to_the_roles_the_protocol_names()
    {
        var methods = HubMatrix.EveryMethod();
        var checkedCalls = 0;
        foreach (var who in Enum.GetValues<Who>())
        {
            foreach (var (method, allowed, payload) in methods)
            {
                // A fresh session per call: an allowed call may end or delete it.
                var (cafe, caller) = await Arrange(who);
                await using (cafe)
                await using (caller)
                {
                    await HubMatrix.Check(cafe, caller, who.ToString(), method, payload, allowed.Split(' ').Contains(RoleName(who)));
                    checkedCalls++;
                }
            }
        }
        Assert.Equal(Enum.GetValues<Who>().Length * methods.Length, checkedCalls);
    }

    [Fact]
    public async Task A_revoked_moderator_key_no_longer_joins_and_another_sessions_key_opens_nothing()
    {
        var (cafe, other) = await Arrange(Who.OtherFacilitator);
        await using (cafe)
        await using (other)
        {
            var session = cafe.World.Session;
            await cafe.Facilitator.Invoke("RevokeModeratorLink", new ModeratorLinkRef("m1"));
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                CafeClient.Join(gateway.BaseAddress, session.JoinCode, new JoinOptions(Key: session.ModeratorKey))));
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                CafeClient.Join(gateway.BaseAddress, session.JoinCode, new JoinOptions(Key: session.FacilitatorKey + "x"))));
        }
    }

    private static string RoleName(Who who) => who switch
    {
        Who.Participant or Who.Muted or Who.OtherFacilitator => "participant",
        Who.Moderator => "moderator",
        Who.Facilitator => "facilitator",
        Who.Projector => "projector",
        Who.Kiosk => "kiosk",
        _ => "anonymous",
    };

    /// <summary>
    /// A live café and a caller of the given kind. The other session's facilitator joins this session
    /// with their own key: refused, so they are here as a mere participant (the only thing that key can get them).
    /// </summary>
    private async Task<(ArrangedCafe, CafeClient)> Arrange(Who who)
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Matrice");
        var cafe = await HubMatrix.Arrange(gateway.BaseAddress, created);
        CafeClient caller;
        switch (who)
        {
            case Who.Anonymous:
                caller = await CafeClient.Connect(gateway.BaseAddress);
                break;
            case Who.OtherFacilitator:
                var other = await CafeClient.CreateSession(gateway.BaseAddress, "Autre session");
                Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                    CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: other.FacilitatorKey))));
                caller = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Autre"));
                break;
            default:
                var key = who switch
                {
                    Who.Moderator => created.ModeratorKey,
                    Who.Facilitator => created.FacilitatorKey,
                    Who.Projector => created.ProjectorKey,
                    Who.Kiosk => cafe.World.Kiosk.Key,
                    _ => null,
                };
                caller = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Appelant", Key: key));
                if (who == Who.Muted)
                {
                    await cafe.Facilitator.Invoke("MuteParticipant", new ParticipantRef(caller.ParticipantId));
                }
                break;
        }
        return (cafe, caller);
    }
}
