using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Hosting;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Auth;

/// <summary>
/// The hub takes keys only: a sign-in cookie sent with the hub's connection, even an owner's of the
/// café's own organisation, or a stranger's, joins as a participant and is refused the staff's methods.
/// </summary>
public sealed class SignInHubTests(SignInGatewayFixture gateway) : IClassFixture<SignInGatewayFixture>
{
    [Fact]
    public async Task A_sign_in_cookie_grants_no_hub_role_to_a_member_or_a_stranger()
    {
        var owner = await gateway.SignIn($"owner-{Guid.NewGuid():N}", "Odile");
        var stranger = await gateway.SignIn($"stranger-{Guid.NewGuid():N}", "Sam");
        var organisation = (await (await owner.Send(HttpMethod.Post, "/api/orgs", new { name = "Réseau" })).Content.ReadFromJsonAsync<OrganisationView>(HubCalls.Options()))!;
        var made = await owner.Send(HttpMethod.Post, "/api/sessions", new { title = "Café", organisationId = organisation.OrganisationId });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var cafe = (await made.Content.ReadFromJsonAsync<SessionCreated>(HubCalls.Options()))!;

        foreach (var signedIn in new[] { owner, stranger })
        {
            await using var hub = Connect(signedIn.Cookies);
            await hub.StartAsync();
            var joined = await hub.Call<JoinResult>("JoinSession", cafe.JoinCode, new JoinOptions());
            Assert.Equal(Role.Participant, joined.Role);
            Assert.Null(joined.StaffKeys);
            var refused = await Assert.ThrowsAsync<CallRefusedException>(() =>
                hub.Call<PollCreated>("CreatePoll", new CreatePollRequest("Qui décide ?", PollKind.Single, ["nous", "eux"])));
            Assert.Equal(RefusalCodes.Forbidden, refused.Code);
        }
    }

    private HubConnection Connect(CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(gateway.Host.BaseAddress, "/hubs/cafe"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Cookies = cookies;
        })
        .AddJsonProtocol(o =>
        {
            JsonSetup.Apply(o.PayloadSerializerOptions);
            o.PayloadSerializerOptions.AllowOutOfOrderMetadataProperties = true;
        })
        .Build();
}
