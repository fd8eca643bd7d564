using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Api;
using CafeIA.Gateway.Auth;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Auth;

/// <summary>Against the in-process OpenID Connect provider: my organisations, duplicating and handing over an organisation's café.</summary>
public sealed class OrganisationCafeTests(SignInGatewayFixture gateway) : IClassFixture<SignInGatewayFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static async Task<T> Read<T>(HttpResponseMessage answer, HttpStatusCode expected)
    {
        Assert.True(answer.StatusCode == expected, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<T>(HubCalls.Options()))!;
    }

    private async Task<(Facilitator Owner, Facilitator Member, Guid Organisation)> Team()
    {
        var owner = await gateway.SignIn(Unique("owner"), "Odile Martin");
        var organisation = await Read<OrganisationView>(await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Réseau des médiathèques" }), HttpStatusCode.Created);
        var id = organisation.OrganisationId;
        var invitation = await Read<OrganisationInvitation>(await owner.Send(HttpMethod.Post, $"/api/orgs/{id}/invitations"), HttpStatusCode.Created);
        var member = await gateway.SignIn(Unique("member"), "Fanny Leroy");
        await Read<OrganisationView>(await member.Send(HttpMethod.Post, $"/api/orgs/{id}/members", new { invitationKey = invitation.InvitationKey }), HttpStatusCode.OK);
        return (owner, member, id);
    }

    [Fact]
    public async Task My_organisations_lists_the_ones_I_founded_or_joined_and_forgets_one_I_left()
    {
        var (owner, member, id) = await Team();
        var other = await Read<OrganisationView>(await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Bibliothèques de l'Est" }), HttpStatusCode.Created);

        var mine = await owner.Http.GetFromJsonAsync<MyOrganisations>(new Uri("/api/orgs", UriKind.Relative), HubCalls.Options());
        Assert.Equal([(id, "Réseau des médiathèques", OrganisationRole.Owner, 2), (other.OrganisationId, "Bibliothèques de l'Est", OrganisationRole.Owner, 1)],
            mine!.Organisations.Select(o => (o.OrganisationId, o.Name, o.Role, o.Members)));
        var theirs = await member.Http.GetFromJsonAsync<MyOrganisations>(new Uri("/api/orgs", UriKind.Relative), HubCalls.Options());
        Assert.Equal([(id, OrganisationRole.Facilitator)], theirs!.Organisations.Select(o => (o.OrganisationId, o.Role)));

        Assert.Equal(HttpStatusCode.NoContent, (await member.Send(HttpMethod.Delete, $"/api/orgs/{id}/members/{member.Me.Subject}")).StatusCode);
        Assert.Empty((await member.Http.GetFromJsonAsync<MyOrganisations>(new Uri("/api/orgs", UriKind.Relative), HubCalls.Options()))!.Organisations);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Anonymous().GetAsync(new Uri("/api/orgs", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_is_a_new_draft_with_the_same_agenda_held_by_whoever_copied_it()
    {
        var (owner, member, id) = await Team();
        var original = await Read<SessionCreated>(await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Café IA du mardi", organisationId = id }), HttpStatusCode.Created);
        await using (var facilitator = await CafeClient.Join(gateway.Host.BaseAddress, original.JoinCode, new JoinOptions(Key: original.FacilitatorKey)))
        {
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA, utile ?", PollKind.Single, ["oui", "non"]))).PollId;
            await facilitator.Invoke("SetAgenda", new SetAgendaRequest([
                new ActivityDefinition("accueil", AgendaActivityKind.Text, "Accueil", 5),
                new ActivityDefinition("vote", AgendaActivityKind.Poll, "Le vote", 10, PollId: poll),
            ]));
        }

        var copy = await Read<SessionCreated>(await member.Send(HttpMethod.Post, $"/api/orgs/{id}/cafes/{original.SessionId}/duplicates",
            new { title = "Café IA du jeudi" }), HttpStatusCode.Created);
        Assert.NotEqual(original.JoinCode, copy.JoinCode);
        await using var copied = await CafeClient.Join(gateway.Host.BaseAddress, copy.JoinCode, new JoinOptions(Key: copy.FacilitatorKey));
        var snapshot = await copied.Snapshot();
        Assert.Equal(("Café IA du jeudi", SessionPhase.Draft), (snapshot.Title, snapshot.State));
        Assert.Equal(["Accueil", "Le vote"], snapshot.Agenda!.Select(a => a.Title));

        var view = await owner.Http.GetFromJsonAsync<OrganisationView>(new Uri($"/api/orgs/{id}", UriKind.Relative), HubCalls.Options());
        Assert.Equal([(copy.JoinCode, "Café IA du jeudi", member.Me.Subject), (original.JoinCode, "Café IA du mardi", owner.Me.Subject)],
            view!.Cafes.Select(c => (c.JoinCode, c.Title, c.HeldBy)));

        var stranger = await gateway.SignIn(Unique("stranger"), "Sam");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Send(HttpMethod.Post, $"/api/orgs/{id}/cafes/{original.SessionId}/duplicates")).StatusCode);
        var tooLong = await member.Send(HttpMethod.Post, $"/api/orgs/{id}/cafes/{original.SessionId}/duplicates", new { title = new string('x', 500) });
        Assert.Equal((HttpStatusCode.BadRequest, RefusalCodes.Invalid), (tooLong.StatusCode, (await tooLong.Content.ReadFromJsonAsync<ApiError>(HubCalls.Options()))!.Error));
    }

    [Fact]
    public async Task A_cafe_handed_over_names_its_new_holder_and_a_non_member_cannot_receive_it()
    {
        var (owner, member, id) = await Team();
        var cafe = await Read<SessionCreated>(await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Café IA", organisationId = id }), HttpStatusCode.Created);
        var path = $"/api/orgs/{id}/cafes/{cafe.SessionId}/holder";

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Send(HttpMethod.Put, path, new { subject = member.Me.Subject })).StatusCode);
        var view = await Read<OrganisationView>(await owner.Send(HttpMethod.Put, path, new { subject = member.Me.Subject }), HttpStatusCode.OK);
        Assert.Equal(member.Me.Subject, Assert.Single(view.Cafes).HeldBy);
        var refused = await member.Send(HttpMethod.Put, path, new { subject = "not-a-member" });
        var error = (await refused.Content.ReadFromJsonAsync<ApiError>(HubCalls.Options()))!;
        Assert.Equal((HttpStatusCode.NotFound, RefusalCodes.NotFound, "subject"), (refused.StatusCode, error.Error, error.Field));
    }

    [Fact]
    public async Task A_cafe_the_organisation_refuses_to_record_is_answered_with_its_code_not_ignored()
    {
        var (_, _, id) = await Team();
        var grains = gateway.Host.Services.GetRequiredService<IGrainFactory>();
        // As after a removal between the membership check and the record: the subject is no member any more.
        var owner = new OrganisationOwnership.Owner(grains.GetGrain<IOrganisationGrain>(id), Unique("removed"), null);
        var created = new SessionCreated(Guid.NewGuid().ToString(), "ABC234", "fac-key", "mod-key", "proj-key");
        var refused = await OrganisationOwnership.Record(owner, Guid.Parse(created.SessionId), created, "Café IA");
        Assert.NotNull(refused);
        Assert.Equal((StatusCodes.Status403Forbidden, RefusalCodes.Forbidden, "organisationId"), (refused.StatusCode, refused.Value!.Error, refused.Value.Field));
        Assert.Null(await OrganisationOwnership.Record(new OrganisationOwnership.Owner(null, "", null), Guid.NewGuid(), created, "Café IA"));
    }
}
