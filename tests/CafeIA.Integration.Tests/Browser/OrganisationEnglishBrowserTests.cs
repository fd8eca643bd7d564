using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The sign-in and organisation pages for a browser that speaks English: the same path as
/// <see cref="OrganisationBrowserTests"/> (sign in, found, create a café, invite, accept, list, open,
/// sign out) by its English names, with no French sentence of these pages left on any of them, and
/// axe and the layout promises holding with the English texts' lengths.
/// </summary>
public sealed partial class OrganisationEnglishBrowserTests(SignInBrowserFixture browser, ITestOutputHelper output) : IClassFixture<SignInBrowserFixture>
{
    private static readonly (string Name, int Width, int Height)[] Screens = [("phone", 390, 844), ("laptop", 1366, 768)];

    [Fact]
    public async Task The_organisation_pages_speak_english_to_an_english_browser_from_sign_in_to_sign_out()
    {
        var french = FrenchSentencesOfTheseScreens();
        var name = $"Val Libraries {Guid.NewGuid().ToString("N")[..4]}";
        browser.AtTheKeyboard($"owner-{Guid.NewGuid():N}", "Olive Martin");
        var owner = await browser.NewPage(390, 844, "en-GB");
        await owner.GotoAsync("/");
        await Expect(owner.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(owner.Locator("#team")).ToContainTextAsync("Running cafés as a team?");
        await Check(owner, "en-home-signin", french);
        await owner.Locator("#team").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/orgs$"));
        await Expect(owner.GetByText("You belong to no organisation.")).ToBeVisibleAsync();
        await Expect(owner.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Olive Martin.");
        await Check(owner, "en-orgs-none", french);

        await owner.GetByLabel("Name of the organisation").FillAsync(name);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create the organisation" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/orgs/[0-9a-f-]{36}$"));
        var organisationPath = new Uri(owner.Url).AbsolutePath;
        await Expect(owner.GetByText("No café yet.")).ToBeVisibleAsync();
        await owner.GetByLabel("Session title").FillAsync("Tuesday AI café");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create the café" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/facilitate/[A-Z0-9]{6}#key="));
        var joinCode = new Uri(owner.Url).AbsolutePath.Split('/')[^1];

        await owner.GotoAsync(organisationPath);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create an invitation link" }).ClickAsync();
        var link = await owner.Locator("#invitation-link").InputValueAsync();
        await Expect(owner.GetByText("for one person", new() { Exact = false })).ToBeVisibleAsync();
        await Check(owner, "en-orgs-invitation", french);

        browser.AtTheKeyboard($"member-{Guid.NewGuid():N}", "Fanny Leroy");
        var member = await browser.NewPage(390, 844, "en-GB");
        await member.GotoAsync(link);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "You are invited to join an organisation" })).ToBeVisibleAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" })).ToBeVisibleAsync();
        await Check(member, "en-orgs-join", french);
        await member.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await member.WaitForURLAsync(new Regex($"{Regex.Escape(organisationPath)}\\?welcome=1$"));
        await Expect(member.GetByText($"Welcome to “{name}”.")).ToBeVisibleAsync();
        var cafe = member.Locator("#organisation-cafes li").Filter(new() { HasText = "Tuesday AI café" });
        await Expect(cafe).ToContainTextAsync($"Code {joinCode}");
        await Expect(cafe).ToContainTextAsync("Looked after by Olive Martin");
        await Expect(member.Locator("#organisation-members")).ToContainTextAsync("Fanny Leroy (you)");
        await Check(member, "en-orgs-organisation", french);

        await cafe.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await member.WaitForURLAsync(new Regex($"/facilitate/{joinCode}#key="));
        await Expect(member.Locator("#join-code")).ToBeVisibleAsync();

        await owner.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/$"));
        await Expect(owner.Locator("body[data-signin=out]")).ToBeAttachedAsync();
        await owner.GotoAsync(organisationPath);
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Sign in to continue" })).ToBeVisibleAsync();
        await Check(owner, "en-orgs-signed-out", french);
    }

    /// <summary>
    /// The French texts of these screens (the home page's team card and every orgs.* text of
    /// Web/src/i18n/fr.ts), cut at their placeholders, keeping the pieces long enough to be
    /// sentences: one of them on an English page is a text left untranslated.
    /// </summary>
    private static List<string> FrenchSentencesOfTheseScreens()
    {
        var fr = File.ReadAllText(Path.Combine(Repository.Root, "Web", "src", "i18n", "fr.ts"));
        var sentences = Entry().Matches(fr)
            .Where(m => m.Groups["key"].Value.StartsWith("orgs.", StringComparison.Ordinal) || m.Groups["key"].Value.StartsWith("home.team", StringComparison.Ordinal))
            .SelectMany(m => Placeholder().Split(m.Groups["text"].Value))
            .Select(piece => piece.Trim(' ', '.', ',', ':', '«', '»', '(', ')'))
            .Where(piece => piece.Length >= 12)
            .Distinct()
            .ToList();
        Assert.True(sentences.Count >= 40, $"only {sentences.Count} French texts read from fr.ts: has its format changed?");
        return sentences;
    }

    [GeneratedRegex("""^\s*"(?<key>[\w.]+)":\s*"(?<text>(?:[^"\\]|\\.)*)",?\s*$""", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    /// <summary>English, nothing French of these screens left, axe, and at each size no sideways scroll, nothing fixed over the content, 44 px targets.</summary>
    private async Task Check(IPage page, string state, List<string> french)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var text = await page.Locator("body").InnerTextAsync();
        var problems = french.Where(sentence => text.Contains(sentence, StringComparison.Ordinal)).Select(sentence => $"{state}: French left: « {sentence} »").ToList();
        problems.AddRange(await Layout.AtEachSize(page, state, Screens));
        problems.AddRange(await Axe.Violations(page));
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }
}
