using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Api;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Auth;

/// <summary>Against a real OpenID Connect provider (OpenIddict, in this process): sign-in, organisations, their cafés.</summary>
public sealed class OrganisationSignInTests(SignInGatewayFixture gateway) : IClassFixture<SignInGatewayFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<(Facilitator Owner, OrganisationView Organisation)> NewOrganisation()
    {
        var owner = await gateway.SignIn(Unique("owner"), "Odile Martin");
        var created = await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Médiathèques du Val" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (owner, (await created.Content.ReadFromJsonAsync<OrganisationView>(HubCalls.Options()))!);
    }

    private static async Task<Facilitator> Joined(Facilitator owner, OrganisationView organisation, Facilitator member)
    {
        var invitation = (await (await owner.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/invitations")).Content
            .ReadFromJsonAsync<OrganisationInvitation>(HubCalls.Options()))!;
        var accepted = await member.Send(HttpMethod.Post, $"/api/orgs/{organisation.OrganisationId}/members", new { invitationKey = invitation.InvitationKey });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(OrganisationRole.Facilitator, (await accepted.Content.ReadFromJsonAsync<OrganisationView>(HubCalls.Options()))!.Role);
        return member;
    }

    [Fact]
    public async Task A_signed_in_facilitator_keeps_a_subject_and_a_name_only()
    {
        var subject = Unique("sub");
        var me = (await gateway.SignIn(subject, "Fanny Leroy")).Me;
        Assert.Equal((subject, "Fanny Leroy"), (me.Subject, me.Name));
        var owner = await gateway.SignIn(subject, "Fanny Leroy");
        var json = await owner.Http.GetStringAsync(new Uri("/api/me", UriKind.Relative));
        Assert.DoesNotContain("@example.org", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_member_lists_the_organisations_cafes_and_opens_one_with_its_recovered_key()
    {
        var (owner, organisation) = await NewOrganisation();
        Assert.Equal(OrganisationRole.Owner, organisation.Role);
        var made = await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Café IA du mardi", organisationId = organisation.OrganisationId });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var session = (await made.Content.ReadFromJsonAsync<SessionCreated>(HubCalls.Options()))!;

        var member = await Joined(owner, organisation, await gateway.SignIn(Unique("member"), "Fanny Leroy"));
        var view = (await member.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{organisation.OrganisationId}", UriKind.Relative), HubCalls.Options()))!;
        var cafe = Assert.Single(view.Cafes);
        Assert.Equal((Guid.Parse(session.SessionId), session.JoinCode, "Café IA du mardi"), (cafe.SessionId, cafe.JoinCode, cafe.Title));
        Assert.Equal(["Odile Martin", "Fanny Leroy"], view.Members.Select(m => m.Name));

        var keys = (await member.Http.GetFromJsonAsync<RecoveredKeys>(
            new Uri($"/api/orgs/{organisation.OrganisationId}/cafes/{cafe.SessionId}/keys", UriKind.Relative), HubCalls.Options()))!;
        Assert.Equal(session.FacilitatorKey, keys.FacilitatorKey);
        var grains = gateway.Host.Services.GetRequiredService<IGrainFactory>();
        var joined = await grains.GetGrain<ISessionGrain>(cafe.SessionId).Join(new JoinOptions(Key: keys.FacilitatorKey));
        Assert.Equal(Role.Facilitator, joined.Value!.Role);
    }

    [Fact]
    public async Task A_session_created_without_an_organisation_behaves_as_before_and_belongs_to_none()
    {
        var (owner, organisation) = await NewOrganisation();
        var made = await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Sans organisation" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var view = (await owner.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{organisation.OrganisationId}", UriKind.Relative), HubCalls.Options()))!;
        Assert.Empty(view.Cafes);
    }

    [Fact]
    public async Task Signing_out_ends_access()
    {
        var (owner, organisation) = await NewOrganisation();
        var path = new Uri($"/api/orgs/{organisation.OrganisationId}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Send(HttpMethod.Post, "/auth/signout")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.Http.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Requests_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        var (owner, organisation) = await NewOrganisation();
        var member = await Joined(owner, organisation, await gateway.SignIn(Unique("member"), "Fanny Leroy"));
        var id = organisation.OrganisationId;
        var forged = new[]
        {
            await owner.Forge(HttpMethod.Post, "/api/orgs", new { name = "Forgée" }),
            await owner.Forge(HttpMethod.Post, $"/api/orgs/{id}/invitations"),
            await owner.Forge(HttpMethod.Delete, $"/api/orgs/{id}/members/{member.Me.Subject}"),
            await owner.Forge(HttpMethod.Post, "/api/sessions", new { title = "Forgée", organisationId = id }),
            await member.Forge(HttpMethod.Post, $"/api/orgs/{id}/members", new { invitationKey = "x" }),
            await owner.Forge(HttpMethod.Post, "/auth/signout"),
        };
        foreach (var answer in forged)
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var error = (await answer.Content.ReadFromJsonAsync<ApiError>(HubCalls.Options()))!;
            Assert.Equal((RefusalCodes.Invalid, "antiforgery"), (error.Error, error.Field));
        }
        var view = (await owner.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{id}", UriKind.Relative), HubCalls.Options()))!;
        Assert.Equal(2, view.Members.Length);
        Assert.Empty(view.Cafes);
    }

    [Fact]
    public async Task An_owner_removes_a_member_and_what_was_kept_about_them()
    {
        var (owner, organisation) = await NewOrganisation();
        var member = await Joined(owner, organisation, await gateway.SignIn(Unique("member"), "Fanny Leroy"));
        var id = organisation.OrganisationId;
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Send(HttpMethod.Delete, $"/api/orgs/{id}/members/{member.Me.Subject}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync(new Uri($"/api/orgs/{id}", UriKind.Relative))).StatusCode);
        var view = (await owner.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{id}", UriKind.Relative), HubCalls.Options()))!;
        Assert.DoesNotContain(view.Members, m => m.Subject == member.Me.Subject || m.Name == "Fanny Leroy");
    }
}
