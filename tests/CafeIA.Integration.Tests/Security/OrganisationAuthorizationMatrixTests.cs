using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Api;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// Every organisation route × every caller (anonymous, a signed-in non-member, a facilitator member,
/// the owner, and the owner's cookies without the antiforgery token): the status docs/PROTOCOL.md
/// names, a forged call refused for its missing token, and a refused call changes nothing. The hub is
/// not in it: keys alone grant its roles (AuthorizationMatrixTests), and a sign-in cookie none (SignedInHubMatrixTests).
/// </summary>
public sealed class OrganisationAuthorizationMatrixTests(SignInGatewayFixture gateway) : IClassFixture<SignInGatewayFixture>
{
    /// <summary>Forged: the owner's cookies without the X-CSRF-TOKEN header, what a hostile page's request carries.</summary>
    private enum Who { Anonymous, Stranger, Member, Forged, Owner }

    private sealed record World(Guid Organisation, Guid Cafe, string OwnerSubject, string MemberSubject, string ColleagueSubject);

    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized, Forbidden = HttpStatusCode.Forbidden, Ok = HttpStatusCode.OK,
        Created = HttpStatusCode.Created, Bad = HttpStatusCode.BadRequest, NotFound = HttpStatusCode.NotFound, NoContent = HttpStatusCode.NoContent;

    /// <summary>Route, its call, and the answer for anonymous / stranger / member / forged / owner (the callers run in that order).</summary>
    private static (string Route, HttpMethod Method, Func<World, string> Path, Func<World, object?> Body, HttpStatusCode[] Expected)[] Routes =>
    [
        ("GET /api/orgs", HttpMethod.Get, _ => "/api/orgs", _ => null, [Unauthorized, Ok, Ok, Ok, Ok]),
        ("GET /api/orgs/{id}", HttpMethod.Get, w => $"/api/orgs/{w.Organisation}", _ => null, [Unauthorized, Forbidden, Ok, Ok, Ok]),
        ("POST /api/orgs/{id}/invitations", HttpMethod.Post, w => $"/api/orgs/{w.Organisation}/invitations", _ => null,
            [Unauthorized, Forbidden, Forbidden, Bad, Created]),
        ("POST /api/orgs/{id}/members (a wrong key)", HttpMethod.Post, w => $"/api/orgs/{w.Organisation}/members", _ => new { invitationKey = "not-an-invitation" },
            [Unauthorized, Forbidden, Forbidden, Bad, Forbidden]),
        ("DELETE /api/orgs/{id}/members/{owner}", HttpMethod.Delete, w => $"/api/orgs/{w.Organisation}/members/{w.OwnerSubject}", _ => null,
            [Unauthorized, Forbidden, Forbidden, Bad, Bad]),
        ("GET /api/orgs/{id}/cafes/{sessionId}/keys", HttpMethod.Get, w => $"/api/orgs/{w.Organisation}/cafes/{w.Cafe}/keys", _ => null,
            [Unauthorized, Forbidden, Ok, Ok, Ok]),
        ("GET /api/orgs/{id}/cafes/{another session}/keys", HttpMethod.Get, w => $"/api/orgs/{w.Organisation}/cafes/{Guid.NewGuid()}/keys", _ => null,
            [Unauthorized, Forbidden, NotFound, NotFound, NotFound]),
        ("POST /api/orgs/{id}/cafes/{sessionId}/duplicates", HttpMethod.Post, w => $"/api/orgs/{w.Organisation}/cafes/{w.Cafe}/duplicates", _ => new { title = "Copie" },
            [Unauthorized, Forbidden, Created, Bad, Created]),
        ("PUT /api/orgs/{id}/cafes/{sessionId}/holder (to the member)", HttpMethod.Put, w => $"/api/orgs/{w.Organisation}/cafes/{w.Cafe}/holder",
            w => new { subject = w.MemberSubject }, [Unauthorized, Forbidden, Forbidden, Bad, Ok]),
        ("GET /api/orgs/{unknown}", HttpMethod.Get, _ => $"/api/orgs/{Guid.NewGuid()}", _ => null, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("GET /api/orgs/{unknown}/cafes/{sessionId}/keys", HttpMethod.Get, w => $"/api/orgs/{Guid.NewGuid()}/cafes/{w.Cafe}/keys", _ => null,
            [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("POST /api/orgs/{unknown}/cafes/{sessionId}/duplicates", HttpMethod.Post, w => $"/api/orgs/{Guid.NewGuid()}/cafes/{w.Cafe}/duplicates", _ => null,
            [Unauthorized, Forbidden, Forbidden, Bad, Forbidden]),
        ("PUT /api/orgs/{unknown}/cafes/{sessionId}/holder", HttpMethod.Put, w => $"/api/orgs/{Guid.NewGuid()}/cafes/{w.Cafe}/holder",
            w => new { subject = w.MemberSubject }, [Unauthorized, Forbidden, Forbidden, Bad, Forbidden]),
        ("POST /api/sessions with organisationId", HttpMethod.Post, _ => "/api/sessions", w => new { title = "Café", organisationId = w.Organisation },
            [Unauthorized, Forbidden, Created, Bad, Created]),
        ("POST /api/orgs", HttpMethod.Post, _ => "/api/orgs", _ => new { name = "Une autre" }, [Unauthorized, Created, Created, Bad, Created]),
        ("DELETE /api/orgs/{id}/members/{not a member}", HttpMethod.Delete, w => $"/api/orgs/{w.Organisation}/members/nobody-{Guid.NewGuid():N}", _ => null,
            [Unauthorized, Forbidden, Forbidden, Bad, NotFound]),
        // Last: the colleague is removed by the owner (the page's "Retirer"), and is then checked as a stranger below.
        ("DELETE /api/orgs/{id}/members/{colleague}", HttpMethod.Delete, w => $"/api/orgs/{w.Organisation}/members/{w.ColleagueSubject}", _ => null,
            [Unauthorized, Forbidden, Forbidden, Bad, NoContent]),
    ];

    [Fact]
    public async Task Every_organisation_route_answers_each_caller_as_the_protocol_says()
    {
        var ownerSubject = $"owner-{Guid.NewGuid():N}";
        var memberSubject = $"member-{Guid.NewGuid():N}";
        var owner = await gateway.SignIn(ownerSubject, "Odile");
        var member = await gateway.SignIn(memberSubject, "Fanny");
        var colleagueSubject = $"colleague-{Guid.NewGuid():N}";
        var stranger = await gateway.SignIn($"stranger-{Guid.NewGuid():N}", "Sam");
        var colleague = await gateway.SignIn(colleagueSubject, "Claire");
        var organisation = (await (await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Réseau" })).Content.ReadFromJsonAsync<OrganisationView>(HubCalls.Options()))!;
        foreach (var joining in new[] { member, colleague })
        {
            var invitation = (await (await owner.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/invitations")).Content
                .ReadFromJsonAsync<OrganisationInvitation>(HubCalls.Options()))!;
            Assert.Equal(HttpStatusCode.OK, (await joining.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/members",
                new { invitationKey = invitation.InvitationKey })).StatusCode);
        }
        var cafe = (await (await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Café", organisationId = organisation.OrganisationId }))
            .Content.ReadFromJsonAsync<SessionCreated>(HubCalls.Options()))!;
        var world = new World(organisation.OrganisationId, Guid.Parse(cafe.SessionId), ownerSubject, memberSubject, colleagueSubject);
        var anonymous = gateway.Anonymous();

        var mismatches = new List<string>();
        foreach (var (route, method, path, body, expected) in Routes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var answer = who switch
                {
                    Who.Anonymous => await anonymous.SendAsync(new HttpRequestMessage(method, new Uri(path(world), UriKind.Relative))
                    {
                        Content = body(world) is { } b ? JsonContent.Create(b) : null,
                    }),
                    Who.Stranger => await stranger.Send(method, path(world), body(world)),
                    Who.Member => await member.Send(method, path(world), body(world)),
                    Who.Forged => await owner.Forge(method, path(world), body(world)),
                    _ => await owner.Send(method, path(world), body(world)),
                };
                if (answer.StatusCode != expected[(int)who])
                {
                    mismatches.Add($"{route} as {who}: {(int)answer.StatusCode}, expected {(int)expected[(int)who]}");
                }
                else if (who == Who.Forged && answer.StatusCode == Bad && (await answer.Content.ReadFromJsonAsync<ApiError>(HubCalls.Options()))?.Field != "antiforgery")
                {
                    mismatches.Add($"{route} forged: refused, but not for the missing antiforgery token");
                }
            }
        }
        Assert.Empty(mismatches);

        // Removed, the colleague is a stranger to the organisation: every route answers them as it answers Sam.
        foreach (var (route, method, path, body, expected) in Routes)
        {
            var answer = await colleague.Send(method, path(world), body(world));
            if (answer.StatusCode != expected[(int)Who.Stranger])
            {
                mismatches.Add($"{route} as the removed colleague: {(int)answer.StatusCode}, expected {(int)expected[(int)Who.Stranger]}");
            }
        }
        Assert.Empty(mismatches);
        Assert.DoesNotContain((await colleague.Http.GetFromJsonAsync<MyOrganisations>(new Uri("/api/orgs", UriKind.Relative), HubCalls.Options()))!.Organisations,
            o => o.OrganisationId == organisation.OrganisationId);

        // The refusals changed nothing: the same two members (the colleague removed by the owner's hand only); the cafés are the first, the member's and the
        // owner's sessions and duplicates; the first café went to the member only by the owner's hand-over.
        var view = (await owner.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{organisation.OrganisationId}", UriKind.Relative), HubCalls.Options()))!;
        Assert.Equal([ownerSubject, memberSubject], view.Members.Select(m => m.Subject));
        Assert.Equal(5, view.Cafes.Length);
        Assert.Equal(memberSubject, view.Cafes.Single(c => c.SessionId == world.Cafe).HeldBy);

        // A forged sign-out does not sign out either.
        Assert.Equal(Bad, (await owner.Forge(HttpMethod.Post, "/auth/signout")).StatusCode);
        Assert.Equal(Ok, (await owner.Http.GetAsync(new Uri("/api/orgs", UriKind.Relative))).StatusCode);
    }
}
