using CafeIA.Grains.Organisations;
using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

/// <summary>An organisation's cafés: who holds each one, handing it over, and the order members see them in.</summary>
public sealed class OrganisationCafeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly OrganisationState _state = new();
    private Organisation Rules => new(Guid.Parse("0a9a0000-0000-4000-8000-000000000023"), _state);

    /// <summary>Odile owns it, Fanny and Théo facilitate.</summary>
    private Organisation Team()
    {
        var rules = Rules;
        Assert.Null(rules.Create("owner-sub", "Odile", "Médiathèques du Val", Now).Refusal);
        Assert.Null(rules.Accept("fac-sub", "Fanny", rules.Invite("owner-sub", Now).Value!.InvitationKey, Now).Refusal);
        Assert.Null(rules.Accept("theo-sub", "Théo", rules.Invite("owner-sub", Now).Value!.InvitationKey, Now).Refusal);
        return rules;
    }

    [Fact]
    public void A_cafe_is_held_by_its_creator_until_handed_over_to_another_member()
    {
        var rules = Team();
        var cafe = Guid.NewGuid();
        Assert.Null(rules.AddCafe("fac-sub", cafe, "K5K8WC", "  Café IA  ", "fac-key", Now).Refusal);
        var listed = Assert.Single(rules.Get("theo-sub").Value!.Cafes);
        Assert.Equal(("Café IA", "fac-sub", "fac-sub"), (listed.Title, listed.CreatedBy, listed.HeldBy));

        var view = rules.HandOver("fac-sub", cafe, "theo-sub").Value!;
        Assert.Equal(("fac-sub", "theo-sub"), (view.Cafes[0].CreatedBy, view.Cafes[0].HeldBy));
        // The new holder hands it on; the owner may too, whoever holds it.
        Assert.Null(rules.HandOver("theo-sub", cafe, "owner-sub").Refusal);
        Assert.Null(rules.HandOver("owner-sub", cafe, "fac-sub").Refusal);
        Assert.Equal("fac-sub", _state.Cafes[0].HeldBy);
    }

    [Fact]
    public void Only_the_holder_or_an_owner_hands_a_cafe_over_and_only_to_a_member()
    {
        var rules = Team();
        var cafe = Guid.NewGuid();
        rules.AddCafe("owner-sub", cafe, "K5K8WC", "Café IA", "fac-key", Now);
        Assert.Equal(RefusalCodes.Forbidden, rules.HandOver("fac-sub", cafe, "fac-sub").Refusal?.Code);
        Assert.Equal(RefusalCodes.Forbidden, rules.HandOver("stranger", cafe, "fac-sub").Refusal?.Code);
        var notAMember = rules.HandOver("owner-sub", cafe, "stranger").Refusal;
        Assert.Equal((RefusalCodes.NotFound, "subject"), (notAMember?.Code, notAMember?.Field));
        Assert.Equal(RefusalCodes.NotFound, rules.HandOver("owner-sub", Guid.NewGuid(), "fac-sub").Refusal?.Code);
        Assert.Equal("owner-sub", _state.Cafes[0].HeldBy);
    }

    [Fact]
    public void A_member_who_leaves_holds_nothing_and_a_cafe_stored_before_hand_overs_is_held_by_its_creator()
    {
        var rules = Team();
        var handed = Guid.NewGuid();
        rules.AddCafe("owner-sub", handed, "K5K8WC", "Confié", "k1", Now);
        rules.HandOver("owner-sub", handed, "fac-sub");
        var older = Guid.NewGuid();
        rules.AddCafe("theo-sub", older, "AAAAAA", "Ancien", "k2", Now);
        _state.Cafes.Single(c => c.SessionId == older).HeldBy = null;
        Assert.Equal("theo-sub", rules.Get("owner-sub").Value!.Cafes.Single(c => c.SessionId == older).HeldBy);

        Assert.Null(rules.RemoveMember("owner-sub", "fac-sub").Refusal);
        var cafes = rules.Get("owner-sub").Value!.Cafes;
        Assert.Equal(("owner-sub", ""), (cafes.Single(c => c.SessionId == handed).CreatedBy, cafes.Single(c => c.SessionId == handed).HeldBy));
        Assert.Equal("theo-sub", cafes.Single(c => c.SessionId == older).HeldBy);
    }

    [Fact]
    public void Members_see_the_cafes_newest_first()
    {
        var rules = Team();
        foreach (var (code, title) in new[] { ("AAAAAA", "Premier"), ("BBBBBB", "Deuxième"), ("CCCCCC", "Troisième") })
        {
            rules.AddCafe("fac-sub", Guid.NewGuid(), code, title, "k", Now);
        }
        Assert.Equal(["Troisième", "Deuxième", "Premier"], rules.Get("theo-sub").Value!.Cafes.Select(c => c.Title));
    }
}
