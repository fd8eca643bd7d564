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

    [Fact]
    public async Task Founding_joining_and_leaving_keep_each_members_own_list_of_organisations()
    {
        var (owner, member) = ($"owner-{Guid.NewGuid():N}", $"member-{Guid.NewGuid():N}");
        var first = Client.GetGrain<IOrganisationGrain>(Guid.NewGuid());
        var second = Client.GetGrain<IOrganisationGrain>(Guid.NewGuid());
        Assert.Null((await first.Create(owner, "Odile", "Réseau A")).Refusal);
        Assert.Null((await second.Create(owner, "Odile", "Réseau B")).Refusal);
        Assert.Null((await first.Accept(member, "Fanny", (await first.Invite(owner)).Value!.InvitationKey)).Refusal);
        // A refused acceptance lists nothing.
        Assert.NotNull((await second.Accept(member, "Fanny", "not-a-key")).Refusal);

        Assert.Equal([first.GetPrimaryKey(), second.GetPrimaryKey()], await Client.GetGrain<IMembershipsGrain>(owner).List());
        Assert.Equal([first.GetPrimaryKey()], await Client.GetGrain<IMembershipsGrain>(member).List());

        Assert.Null((await first.RemoveMember(owner, member)).Refusal);
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Empty(await Client.GetGrain<IMembershipsGrain>(member).List());
        Assert.Equal(2, (await Client.GetGrain<IMembershipsGrain>(owner).List()).Length);
    }
}
