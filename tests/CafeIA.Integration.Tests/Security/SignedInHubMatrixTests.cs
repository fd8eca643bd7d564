using System.Net;
using System.Net.Http.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// The hub side of the organisation matrix (docs/PROTOCOL.md: "the hub takes keys only, a sign-in cookie
/// grants no hub role"). On a café that belongs to an organisation, over real sockets that carry the
/// callers' sign-in cookies: connected without a key, anonymous, a non-member, a member and the owner are
/// refused every hub method and change nothing; joined without a key, a member is a participant like anyone;
/// with the facilitator key they recovered through the organisation, a member is exactly the facilitator.
/// </summary>
public sealed class SignedInHubMatrixTests(SignInGatewayFixture gateway) : IClassFixture<SignInGatewayFixture>
{
    /// <summary>The callers; the first four are connected and have not joined.</summary>
    private enum Who { Anonymous, Stranger, Member, Owner, MemberJoinedWithoutKey, MemberWithRecoveredKey }

    private sealed record Team(Facilitator Owner, Facilitator Member, Facilitator Stranger, Guid Organisation);

    [Fact]
    public async Task A_cookie_alone_grants_no_hub_method_and_a_recovered_key_grants_exactly_the_facilitators()
    {
        var methods = HubMatrix.EveryMethod();
        var team = await SignInTeam();
        var checkedCalls = 0;

        // Nothing is allowed to these callers, so one café serves every call: the first call let
        // through, or any seq that moves, fails the test.
        await using (var cafe = await HubMatrix.Arrange(gateway.Host.BaseAddress, await CreateCafe(team)))
        {
            foreach (var who in new[] { Who.Anonymous, Who.Stranger, Who.Member, Who.Owner })
            {
                await using var caller = await CafeClient.Connect(gateway.Host.BaseAddress, cookies: CookiesOf(team, who));
                foreach (var (method, _, payload) in methods)
                {
                    await HubMatrix.Check(cafe, caller, who.ToString(), method, payload, allowed: false);
                    checkedCalls++;
                }
            }
        }

        foreach (var (who, role) in new[] { (Who.MemberJoinedWithoutKey, Role.Participant), (Who.MemberWithRecoveredKey, Role.Facilitator) })
        {
            foreach (var (method, allowed, payload) in methods)
            {
                // A fresh café per call: an allowed call may end or delete it.
                await using var cafe = await HubMatrix.Arrange(gateway.Host.BaseAddress, await CreateCafe(team));
                var key = who == Who.MemberWithRecoveredKey ? await RecoverKey(team.Member, team.Organisation, cafe.World.Session) : null;
                await using var caller = await CafeClient.Join(gateway.Host.BaseAddress, cafe.World.Session.JoinCode,
                    new JoinOptions("Membre", Key: key), cookies: team.Member.Cookies);
                Assert.Equal(role, caller.Joined.Role);
                await HubMatrix.Check(cafe, caller, who.ToString(), method, payload, allowed.Split(' ').Contains(RoleName(role)));
                checkedCalls++;
            }
        }
        Assert.Equal(6 * methods.Length, checkedCalls);
    }

    [Fact]
    public async Task Joining_with_a_cookie_and_no_key_is_joining_as_a_participant_whoever_signed_in()
    {
        var team = await SignInTeam();
        var created = await CreateCafe(team);
        foreach (var signedIn in new[] { team.Owner, team.Member, team.Stranger })
        {
            await using var caller = await CafeClient.Join(gateway.Host.BaseAddress, created.JoinCode, new JoinOptions(), cookies: signedIn.Cookies);
            Assert.Equal(Role.Participant, caller.Joined.Role);
            Assert.Null(caller.Joined.StaffKeys);
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                caller.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Qui décide ?", PollKind.Single, ["nous", "eux"]))));
        }
    }

    private static string RoleName(Role role) => role switch
    {
        Role.Participant => "participant",
        Role.Facilitator => "facilitator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static CookieContainer? CookiesOf(Team team, Who who) => who switch
    {
        Who.Stranger => team.Stranger.Cookies,
        Who.Member => team.Member.Cookies,
        Who.Owner => team.Owner.Cookies,
        _ => null,
    };

    /// <summary>An owner, a member who accepted an invitation, and a signed-in stranger.</summary>
    private async Task<Team> SignInTeam()
    {
        var owner = await gateway.SignIn($"owner-{Guid.NewGuid():N}", "Odile");
        var member = await gateway.SignIn($"member-{Guid.NewGuid():N}", "Fanny");
        var stranger = await gateway.SignIn($"stranger-{Guid.NewGuid():N}", "Sam");
        var organisation = await Read<OrganisationView>(await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Réseau" }), HttpStatusCode.Created);
        var invitation = await Read<OrganisationInvitation>(
            await owner.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/invitations"), HttpStatusCode.Created);
        await Read<OrganisationView>(await member.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/members",
            new { invitationKey = invitation.InvitationKey }), HttpStatusCode.OK);
        return new Team(owner, member, stranger, organisation.OrganisationId);
    }

    /// <summary>A café the owner creates in the organisation (its keys go to the owner; members recover them).</summary>
    private static async Task<SessionCreated> CreateCafe(Team team) =>
        await Read<SessionCreated>(await team.Owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Matrice", organisationId = team.Organisation }),
            HttpStatusCode.Created);

    private static async Task<string> RecoverKey(Facilitator member, Guid organisation, SessionCreated created)
    {
        var keys = await Read<RecoveredKeys>(await member.Http.GetAsync(new Uri($"/api/orgs/{organisation}/cafes/{created.SessionId}/keys", UriKind.Relative)),
            HttpStatusCode.OK);
        Assert.Equal(created.JoinCode, keys.JoinCode);
        return keys.FacilitatorKey;
    }

    private static async Task<T> Read<T>(HttpResponseMessage answer, HttpStatusCode expected)
    {
        Assert.True(answer.StatusCode == expected, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<T>(HubCalls.Options()))!;
    }
}
