using System.Net;
using System.Net.Http.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// Every organisation route × every caller (anonymous, a signed-in non-member, a facilitator member,
/// the owner): the status docs/PROTOCOL.md names, and a refused call changes nothing. The hub is
/// not in it: the sign-in cookie grants no hub role, keys alone do (AuthorizationMatrixTests).
/// </summary>
public sealed class OrganisationAuthorizationMatrixTests(SignInGatewayFixture gateway) : IClassFixture<SignInGatewayFixture>
{
    private enum Who { Anonymous, Stranger, Member, Owner }

    private sealed record World(Guid Organisation, Guid Cafe, string OwnerSubject, string MemberSubject);

    /// <summary>Route, its call, and the answer for anonymous / stranger / member / owner.</summary>
    private static (string Route, HttpMethod Method, Func<World, string> Path, Func<World, object?> Body, HttpStatusCode[] Expected)[] Routes =>
    [
        ("GET /api/orgs/{id}", HttpMethod.Get, w => $"/api/orgs/{w.Organisation}", _ => null,
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK]),
        ("POST /api/orgs/{id}/invitations", HttpMethod.Post, w => $"/api/orgs/{w.Organisation}/invitations", _ => null,
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created]),
        ("POST /api/orgs/{id}/members (a wrong key)", HttpMethod.Post, w => $"/api/orgs/{w.Organisation}/members", _ => new { invitationKey = "not-an-invitation" },
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden]),
        ("DELETE /api/orgs/{id}/members/{owner}", HttpMethod.Delete, w => $"/api/orgs/{w.Organisation}/members/{w.OwnerSubject}", _ => null,
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest]),
        ("GET /api/orgs/{id}/cafes/{sessionId}/keys", HttpMethod.Get, w => $"/api/orgs/{w.Organisation}/cafes/{w.Cafe}/keys", _ => null,
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK]),
        ("GET /api/orgs/{unknown}", HttpMethod.Get, _ => $"/api/orgs/{Guid.NewGuid()}", _ => null,
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden]),
        ("POST /api/sessions with organisationId", HttpMethod.Post, _ => "/api/sessions", w => new { title = "Café", organisationId = w.Organisation },
            [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Created]),
        ("POST /api/orgs", HttpMethod.Post, _ => "/api/orgs", _ => new { name = "Une autre" },
            [HttpStatusCode.Unauthorized, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created]),
    ];

    [Fact]
    public async Task Every_organisation_route_answers_each_caller_as_the_protocol_says()
    {
        var ownerSubject = $"owner-{Guid.NewGuid():N}";
        var memberSubject = $"member-{Guid.NewGuid():N}";
        var owner = await gateway.SignIn(ownerSubject, "Odile");
        var member = await gateway.SignIn(memberSubject, "Fanny");
        var stranger = await gateway.SignIn($"stranger-{Guid.NewGuid():N}", "Sam");
        var organisation = (await (await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Réseau" })).Content.ReadFromJsonAsync<OrganisationView>(HubCalls.Options()))!;
        var invitation = (await (await owner.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/invitations")).Content
            .ReadFromJsonAsync<OrganisationInvitation>(HubCalls.Options()))!;
        Assert.Equal(HttpStatusCode.OK, (await member.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/members",
            new { invitationKey = invitation.InvitationKey })).StatusCode);
        var cafe = (await (await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Café", organisationId = organisation.OrganisationId }))
            .Content.ReadFromJsonAsync<SessionCreated>(HubCalls.Options()))!;
        var world = new World(organisation.OrganisationId, Guid.Parse(cafe.SessionId), ownerSubject, memberSubject);
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
                    _ => await owner.Send(method, path(world), body(world)),
                };
                if (answer.StatusCode != expected[(int)who])
                {
                    mismatches.Add($"{route} as {who}: {(int)answer.StatusCode}, expected {(int)expected[(int)who]}");
                }
            }
        }
        Assert.Empty(mismatches);

        // The refusals changed nothing: the same two members, and only the members' sessions were added.
        var view = (await owner.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{organisation.OrganisationId}", UriKind.Relative), HubCalls.Options()))!;
        Assert.Equal([ownerSubject, memberSubject], view.Members.Select(m => m.Subject));
        Assert.Equal(3, view.Cafes.Length);
    }
}
