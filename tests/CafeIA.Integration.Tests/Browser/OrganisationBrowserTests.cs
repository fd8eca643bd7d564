using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// Sign-in and organisations in Chromium, through the real OpenID Connect redirects of the test
/// provider: an owner signs in from the home page, founds an organisation and creates its café; a
/// colleague signs in from the invitation link, accepts, finds the café in the list and opens it; the
/// owner removes her (after a confirmation) and she is refused the organisation; every page passes axe
/// and keeps its layout promises on a phone and a laptop.
/// </summary>
public sealed class OrganisationBrowserTests(SignInBrowserFixture browser, ITestOutputHelper output) : IClassFixture<SignInBrowserFixture>
{
    private static readonly (string Name, int Width, int Height)[] Screens = [("phone", 390, 844), ("laptop", 1366, 768)];

    [Fact]
    public async Task An_owner_signs_in_founds_an_organisation_and_invites_a_colleague_who_opens_its_cafe()
    {
        var name = $"Médiathèques du Val {Guid.NewGuid().ToString("N")[..4]}";
        browser.AtTheKeyboard($"owner-{Guid.NewGuid():N}", "Odile Martin");
        var owner = await browser.NewPage(390, 844);
        await owner.GotoAsync("/");
        await Expect(owner.Locator("body[data-signin=out]")).ToBeAttachedAsync();
        await Check(owner, "home-signin");
        await owner.Locator("#team").GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/orgs$"));
        await Expect(owner.GetByText("Vous ne faites partie d'aucune organisation.")).ToBeVisibleAsync();
        await Expect(owner.Locator("#signed-in-as")).ToHaveTextAsync("Compte connecté : Odile Martin.");
        await Check(owner, "orgs-none");

        await owner.GetByLabel("Nom de l'organisation").FillAsync(name);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Créer l'organisation" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/orgs/[0-9a-f-]{36}$"));
        var organisationPath = new Uri(owner.Url).AbsolutePath;
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(owner.GetByText("Pas encore de café.")).ToBeVisibleAsync();

        // A café created in the organisation opens Préparer, like one from the home page.
        await owner.GetByLabel("Titre de la session").FillAsync("Café IA du mardi");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Créer le café" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/facilitate/[A-Z0-9]{6}#key="));
        var joinCode = new Uri(owner.Url).AbsolutePath.Split('/')[^1];

        await owner.GotoAsync(organisationPath);
        await Expect(owner.Locator("#organisation-cafes li")).ToHaveCountAsync(1);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Créer un lien d'invitation" }).ClickAsync();
        var link = await owner.Locator("#invitation-link").InputValueAsync();
        Assert.Matches(new Regex($"^{Regex.Escape(browser.BaseAddress.ToString().TrimEnd('/'))}{organisationPath}/join#invitation=.+"), link);
        await Expect(owner.GetByText("pour une seule personne", new() { Exact = false })).ToBeVisibleAsync();
        await Check(owner, "orgs-invitation");

        // The colleague opens the link on their own device, signs in, and accepts.
        browser.AtTheKeyboard($"member-{Guid.NewGuid():N}", "Fanny Leroy");
        var member = await browser.NewPage(390, 844);
        await member.GotoAsync(link);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Invitation à rejoindre une organisation" })).ToBeVisibleAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Accepter l'invitation" })).ToBeVisibleAsync();
        Assert.Contains("#invitation=", member.Url, StringComparison.Ordinal);
        await Check(member, "orgs-join");
        await member.GetByRole(AriaRole.Button, new() { Name = "Accepter l'invitation" }).ClickAsync();
        await member.WaitForURLAsync(new Regex($"{Regex.Escape(organisationPath)}\\?welcome=1$"));
        await Expect(member.GetByText($"Bienvenue dans « {name} ».")).ToBeVisibleAsync();
        var cafe = member.Locator("#organisation-cafes li").Filter(new() { HasText = "Café IA du mardi" });
        await Expect(cafe).ToContainTextAsync($"Code {joinCode}");
        await Expect(cafe).ToContainTextAsync("Suivi par Odile Martin");
        await Expect(member.Locator("#organisation-members")).ToContainTextAsync("Fanny Leroy (vous)");
        // Only the owner invites: the server says the member's role, and the page shows no invitation.
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Créer un lien d'invitation" })).ToHaveCountAsync(0);
        await Check(member, "orgs-organisation");

        // Duplicating adds a copy at the top; its organisation's list names it.
        await cafe.GetByRole(AriaRole.Button, new() { Name = "Dupliquer" }).ClickAsync();
        await Expect(member.GetByText("Copie créée : « Café IA du mardi (copie) ».")).ToBeVisibleAsync();
        await Expect(member.Locator("#organisation-cafes li h3")).ToHaveTextAsync(["Café IA du mardi (copie)", "Café IA du mardi"]);

        // The member holds the copy and hands it over; the original, held by the owner, offers them no hand-over.
        var copy = member.Locator("#organisation-cafes li").First;
        var original = member.Locator("#organisation-cafes li").Filter(new() { HasText = "Code " + joinCode });
        await Expect(copy).ToContainTextAsync("Suivi par Fanny Leroy");
        await Expect(original.GetByText("Confier ce café à une autre personne")).ToHaveCountAsync(0);
        await copy.GetByText("Confier ce café à une autre personne").ClickAsync();
        await copy.GetByLabel("Personne qui suivra ce café").SelectOptionAsync(new SelectOptionValue { Label = "Odile Martin" });
        await copy.GetByRole(AriaRole.Button, new() { Name = "Confier le café" }).ClickAsync();
        await Expect(copy).ToContainTextAsync("Ce café est maintenant suivi par Odile Martin.");
        await Expect(copy).ToContainTextAsync("Suivi par Odile Martin");

        // Opening it uses the keys the organisation keeps: the member lands in the facilitator's console.
        await original.GetByRole(AriaRole.Button, new() { Name = "Animer" }).ClickAsync();
        await member.WaitForURLAsync(new Regex($"/facilitate/{joinCode}#key="));
        await Expect(member.Locator("#join-code")).ToBeVisibleAsync();

        // The owner sees the new member, and removes her in two steps: "Retirer", then the question.
        await owner.GotoAsync(organisationPath);
        var members = owner.Locator("#organisation-members");
        await Expect(members).ToContainTextAsync("Fanny Leroy");
        // Nobody removes themselves from here: the owner's own line has no "Retirer".
        await Expect(members.GetByRole(AriaRole.Button, new() { Name = "Retirer : Odile Martin" })).ToHaveCountAsync(0);
        var remove = members.GetByRole(AriaRole.Button, new() { Name = "Retirer : Fanny Leroy" });
        // Drawing the page moves no focus: "Retirer" takes it only from the step back.
        await Expect(remove).Not.ToBeFocusedAsync();
        await Check(owner, "orgs-team-owner");
        await remove.ClickAsync();
        var question = owner.GetByRole(AriaRole.Group, new() { Name = "Retirer Fanny Leroy de l'organisation ?", Exact = false });
        await Expect(question).ToBeVisibleAsync();
        await Expect(question.GetByRole(AriaRole.Button, new() { Name = "Oui, retirer" })).ToBeFocusedAsync();
        await Check(owner, "orgs-remove-question");
        // "Annuler" keeps her, and gives the focus back to "Retirer".
        await question.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        await Expect(remove).ToBeFocusedAsync();
        await remove.ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Oui, retirer" }).ClickAsync();
        await Expect(owner.GetByText("Fanny Leroy ne fait plus partie de l'organisation.")).ToBeVisibleAsync();
        await Expect(members.Locator("li")).ToHaveCountAsync(1);
        await Expect(members).Not.ToContainTextAsync("Fanny Leroy");
        await Expect(owner.Locator("#team-heading")).ToBeFocusedAsync();
        await Check(owner, "orgs-removed");

        // Removed, she is refused the organisation (403), and its page tells her so.
        var organisationApi = new Uri(browser.BaseAddress, "/api" + organisationPath).ToString();
        Assert.Equal(403, (await member.APIRequest.GetAsync(organisationApi)).Status);
        await member.GotoAsync(organisationPath);
        await Expect(member.GetByText("Vous ne faites pas partie de cette organisation", new() { Exact = false })).ToBeVisibleAsync();

        // Signing out ends the session and the home page offers sign-in again.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/$"));
        await Expect(owner.Locator("body[data-signin=out]")).ToBeAttachedAsync();
        await owner.GotoAsync(organisationPath);
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Connectez-vous pour continuer" })).ToBeVisibleAsync();
    }

    /// <summary>axe, then each screen size: no horizontal scroll, nothing fixed over the content, targets of 44 px, and a screenshot.</summary>
    private async Task Check(IPage page, string state)
    {
        var problems = await Layout.AtEachSize(page, state, Screens);
        problems.AddRange(await Axe.Violations(page));
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }
}
