using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Grains;

public sealed class OrganisationGrainTests(SessionClusterFixture fixture) : IClassFixture<SessionClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task An_organisation_its_members_and_cafes_survive_deactivation()
    {
        var id = Guid.NewGuid();
        var organisation = Client.GetGrain<IOrganisationGrain>(id);
        Assert.Null((await organisation.Create("owner-sub", "Odile", "Médiathèques du Val")).Refusal);
        var invitation = (await organisation.Invite("owner-sub")).Value!;
        Assert.Null((await organisation.Accept("fac-sub", "Fanny", invitation.InvitationKey)).Refusal);
        var cafe = Guid.NewGuid();
        Assert.Null((await organisation.AddCafe("fac-sub", cafe, "K5K8WC", "Café IA", "fac-key")).Refusal);

        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var view = (await Client.GetGrain<IOrganisationGrain>(id).Get("owner-sub")).Value!;
        Assert.Equal(["owner-sub", "fac-sub"], view.Members.Select(m => m.Subject));
        Assert.Equal(cafe, Assert.Single(view.Cafes).SessionId);
        Assert.Equal("fac-key", (await organisation.RecoverKeys("fac-sub", cafe)).Value!.FacilitatorKey);
    }

    [Fact]
    public async Task A_refused_call_stores_nothing()
    {
        var organisation = Client.GetGrain<IOrganisationGrain>(Guid.NewGuid());
        Assert.Null((await organisation.Create("owner-sub", "Odile", "Réseau")).Refusal);
        Assert.Equal(RefusalCodes.Forbidden, (await organisation.AddCafe("stranger", Guid.NewGuid(), "AAAAAA", "x", "k")).Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, (await organisation.Get("stranger")).Refusal?.Code);
        Assert.Empty((await organisation.Get("owner-sub")).Value!.Cafes);
    }
}
