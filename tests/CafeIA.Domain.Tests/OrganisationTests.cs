using CafeIA.Grains.Organisations;
using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly OrganisationState _state = new();
    private Organisation Rules => new(Guid.Parse("0a9a0000-0000-4000-8000-000000000023"), _state);

    private Organisation Founded()
    {
        Assert.Null(Rules.Create("owner-sub", "Odile", "Médiathèques du Val", Now).Refusal);
        return Rules;
    }

    [Fact]
    public void The_founder_is_the_owner_and_the_only_member()
    {
        var view = Founded().Get("owner-sub").Value!;
        Assert.Equal("Médiathèques du Val", view.Name);
        Assert.Equal(OrganisationRole.Owner, view.Role);
        Assert.Equal(["owner-sub"], view.Members.Select(m => m.Subject));
    }

    [Fact]
    public void An_organisation_is_created_once_and_needs_a_name()
    {
        Assert.Equal(RefusalCodes.Invalid, Rules.Create("owner-sub", "Odile", "  ", Now).Refusal?.Code);
        Assert.False(Rules.Exists);
        var rules = Founded();
        Assert.Equal(RefusalCodes.Invalid, rules.Create("other", "Oscar", "Autre", Now).Refusal?.Code);
        Assert.Equal("Médiathèques du Val", _state.Name);
    }

    [Fact]
    public void A_non_member_is_forbidden_everything()
    {
        var rules = Founded();
        var cafe = Guid.NewGuid();
        Assert.Null(rules.AddCafe("owner-sub", cafe, "K5K8WC", "Café", "fac-key", Now).Refusal);
        Assert.Equal(RefusalCodes.Forbidden, rules.Get("stranger").Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, rules.Invite("stranger", Now).Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, rules.AddCafe("stranger", Guid.NewGuid(), "AAAAAA", "x", "k", Now).Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, rules.RecoverKeys("stranger", cafe).Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, rules.RemoveMember("stranger", "owner-sub").Refusal?.Code);
        Assert.Single(_state.Cafes);
        Assert.Single(_state.Members);
    }

    [Fact]
    public void An_invitation_is_kept_as_a_hash_and_admits_one_facilitator_once()
    {
        var rules = Founded();
        var invitation = rules.Invite("owner-sub", Now).Value!;
        Assert.DoesNotContain(_state.Invitations, i => i.KeyHash == invitation.InvitationKey);
        var joined = rules.Accept("fac-sub", "Fanny", invitation.InvitationKey, Now.AddHours(1)).Value!;
        Assert.Equal(OrganisationRole.Facilitator, joined.Role);
        Assert.Equal(RefusalCodes.Forbidden, rules.Accept("third-sub", "Théo", invitation.InvitationKey, Now.AddHours(2)).Refusal?.Code);
        Assert.Equal(2, _state.Members.Count);
    }

    [Fact]
    public void An_expired_or_wrong_invitation_is_forbidden()
    {
        var rules = Founded();
        var invitation = rules.Invite("owner-sub", Now).Value!;
        Assert.Equal(RefusalCodes.Forbidden, rules.Accept("fac-sub", "Fanny", "not-the-key", Now).Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, rules.Accept("fac-sub", "Fanny", invitation.InvitationKey, Now + Organisation.InvitationLifetime).Refusal?.Code);
        Assert.Single(_state.Members);
    }

    [Fact]
    public void Only_an_owner_invites()
    {
        var rules = Founded();
        rules.Accept("fac-sub", "Fanny", rules.Invite("owner-sub", Now).Value!.InvitationKey, Now);
        Assert.Equal(RefusalCodes.Forbidden, rules.Invite("fac-sub", Now).Refusal?.Code);
    }

    [Fact]
    public void Members_list_the_cafes_and_recover_their_keys()
    {
        var rules = Founded();
        rules.Accept("fac-sub", "Fanny", rules.Invite("owner-sub", Now).Value!.InvitationKey, Now);
        var cafe = Guid.NewGuid();
        Assert.Null(rules.AddCafe("owner-sub", cafe, "K5K8WC", "Café IA", "fac-key", Now).Refusal);
        var listed = Assert.Single(rules.Get("fac-sub").Value!.Cafes);
        Assert.Equal((cafe, "K5K8WC", "owner-sub"), (listed.SessionId, listed.JoinCode, listed.CreatedBy));
        Assert.Equal("fac-key", rules.RecoverKeys("fac-sub", cafe).Value!.FacilitatorKey);
        Assert.Equal(RefusalCodes.NotFound, rules.RecoverKeys("fac-sub", Guid.NewGuid()).Refusal?.Code);
    }

    [Fact]
    public void Removing_a_member_deletes_their_name_and_subject_but_keeps_the_cafes()
    {
        var rules = Founded();
        rules.Accept("fac-sub", "Fanny", rules.Invite("owner-sub", Now).Value!.InvitationKey, Now);
        rules.AddCafe("fac-sub", Guid.NewGuid(), "K5K8WC", "Café IA", "fac-key", Now);
        Assert.Equal(RefusalCodes.Forbidden, rules.RemoveMember("fac-sub", "owner-sub").Refusal?.Code);
        Assert.Null(rules.RemoveMember("fac-sub", "fac-sub").Refusal);
        Assert.DoesNotContain(_state.Members, m => m.Subject == "fac-sub" || m.Name == "Fanny");
        Assert.Equal("", Assert.Single(_state.Cafes).CreatedBy);
        Assert.Equal(RefusalCodes.Forbidden, rules.Get("fac-sub").Refusal?.Code);
    }

    [Fact]
    public void The_last_owner_stays_while_others_remain()
    {
        var rules = Founded();
        rules.Accept("fac-sub", "Fanny", rules.Invite("owner-sub", Now).Value!.InvitationKey, Now);
        Assert.Equal(RefusalCodes.Invalid, rules.RemoveMember("owner-sub", "owner-sub").Refusal?.Code);
        Assert.Null(rules.RemoveMember("owner-sub", "fac-sub").Refusal);
        Assert.Null(rules.RemoveMember("owner-sub", "owner-sub").Refusal);
        Assert.Empty(_state.Members);
    }
}
