using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Auth;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Auth;

/// <summary>
/// The gateways' Data Protection key ring lives in the cluster's storage (IKeyRingGrain): a sign-in
/// cookie and an antiforgery token one gateway issued are read by another gateway of the same cluster
/// and by the same gateway after a restart, and by no gateway of another cluster (so the keys do not
/// come from this host's disk).
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private TestIdentityProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await TestIdentityProvider.Start();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task A_cookie_and_an_antiforgery_token_from_one_gateway_are_accepted_by_another_of_the_cluster()
    {
        using var data = new TempDirectory();
        using var otherData = new TempDirectory();
        var orleansGateway = Ports.Free();
        await using var first = await GatewayHost.StartEmbedded(data.Path, [$"--Cluster:GatewayPort={orleansGateway}", .. _provider.GatewayArgs]);
        await using var second = await GatewayHost.Start(["--Gateway:Mode=Client", $"--Cluster:GatewayPort={orleansGateway}", .. _provider.GatewayArgs]);
        await using var elsewhere = await GatewayHost.StartEmbedded(otherData.Path, _provider.GatewayArgs);

        var odile = await _provider.SignIn(first.BaseAddress, $"owner-{Guid.NewGuid():N}", "Odile");

        // First a state-changing call, before the second gateway had any chance to issue its own
        // antiforgery cookie: it reads the first gateway's sign-in cookie, antiforgery cookie and token.
        var onSecond = odile.On(second.BaseAddress);
        var founded = await onSecond.Send(HttpMethod.Post, "/api/orgs", new { name = "Réseau" });
        Assert.True(founded.StatusCode == HttpStatusCode.Created, $"{(int)founded.StatusCode}: {await founded.Content.ReadAsStringAsync()}");
        var organisation = (await founded.Content.ReadFromJsonAsync<OrganisationView>(HubCalls.Options()))!;
        Assert.Equal(odile.Me.Subject, (await Me(onSecond)).Subject);
        Assert.Equal(HttpStatusCode.OK, (await odile.Http.GetAsync(new Uri($"/api/orgs/{organisation.OrganisationId}", UriKind.Relative))).StatusCode);

        // The ring is the cluster's: its keys are in the grain's state, which both gateways read.
        Assert.Contains(await Ring(first), xml => xml.StartsWith("<key ", StringComparison.Ordinal));
        Assert.Equal(await Ring(first), await Ring(second));

        // A gateway of another cluster has a ring of its own: the same cookie and token mean nothing to it.
        var onElsewhere = odile.On(elsewhere.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onElsewhere.Http.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onElsewhere.Send(HttpMethod.Post, "/api/orgs", new { name = "Ailleurs" })).StatusCode);
    }

    [Fact]
    public async Task A_restarted_gateway_still_accepts_the_cookie_and_the_token_it_issued_before()
    {
        using var data = new TempDirectory();
        Facilitator fanny;
        string[] ringBefore;
        await using (var before = await GatewayHost.StartEmbedded(data.Path, _provider.GatewayArgs))
        {
            fanny = await _provider.SignIn(before.BaseAddress, $"member-{Guid.NewGuid():N}", "Fanny");
            ringBefore = await Ring(before);
        }
        Assert.Contains(ringBefore, xml => xml.StartsWith("<key ", StringComparison.Ordinal));

        // A new process on the same storage (what a new pod without a disk of its own is): the ring read
        // back is the one stored, no new key was made, and what the old process issued is still good.
        await using var after = await GatewayHost.StartEmbedded(data.Path, _provider.GatewayArgs);
        var again = fanny.On(after.BaseAddress);
        var founded = await again.Send(HttpMethod.Post, "/api/orgs", new { name = "Médiathèques" });
        Assert.True(founded.StatusCode == HttpStatusCode.Created, $"{(int)founded.StatusCode}: {await founded.Content.ReadAsStringAsync()}");
        Assert.Equal(fanny.Me.Subject, (await Me(again)).Subject);
        Assert.Equal(ringBefore, await Ring(after));
    }

    private static Task<string[]> Ring(GatewayHost gateway) =>
        gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IKeyRingGrain>(IKeyRingGrain.Gateways).Elements();

    private static async Task<SignedInView> Me(Facilitator facilitator)
    {
        var answer = await facilitator.Http.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<SignedInView>(HubCalls.Options()))!;
    }
}
