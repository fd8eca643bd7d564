using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The participant's phone at 360×740, 390×844 and 320 px: the join page shows the café's
/// title; the header never covers content; every tap target is at least 44×44 px; nothing
/// scrolls sideways; the focus comes first and each submission is confirmed.
/// </summary>
public sealed class PhoneBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360, 740)]
    [InlineData(390, 844)]
    [InlineData(320, 640)]
    public async Task The_phone_pages_keep_their_promises(int width, int height)
    {
        await using var cafe = await LongCafe.Play(browser.BaseAddress);
        await cafe.Facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, cafe.Polls[3]));
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/join/{cafe.Created.JoinCode}?mode=onsite");

        // The way in: the café's title, an optional name, on site preselected by the link, one button.
        await Expect(page.Locator("h1")).ToHaveTextAsync(LongCafe.Title);
        await Expect(page.GetByLabel("sur place")).ToBeCheckedAsync();
        var problems = new List<string>();
        await Check(page, "join", problems);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"phone-join-{width}x{height}.png"), FullPage = true });

        await page.GetByLabel("Votre nom (facultatif)").FillAsync("Léa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await Expect(page.Locator("#live")).ToBeVisibleAsync();
        // The focus first: the poll the room is on; then the tabs.
        var focus = page.Locator(".focus-card form.ballot");
        await Expect(focus.Locator("legend")).ToHaveTextAsync("Où l'utilisez-vous ?");
        var tabs = await page.Locator("[role=tablist]").BoundingBoxAsync();
        var focusBox = await page.Locator(".focus-card").BoundingBoxAsync();
        Assert.True(focusBox!.Y < tabs!.Y, "the focus comes before the tabs");
        await Check(page, "live", problems);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"phone-live-{width}x{height}.png") });

        // A confirmation after the submission, and the vote can still be changed.
        await focus.GetByLabel("travail").CheckAsync();
        await focus.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
        await Expect(focus.Locator(".confirmation")).ToHaveTextAsync("✓ Votre vote est pris en compte.");
        await Expect(focus.GetByRole(AriaRole.Button, new() { Name = "Changer mon vote" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Questions" }).ClickAsync();
        await page.GetByLabel("Votre question").FillAsync("Et pour les personnes âgées ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(page.Locator("#ask-form .confirmation")).ToHaveTextAsync("Votre question est envoyée.");
        await Check(page, "questions", problems);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sondages" }).ClickAsync();
        await Check(page, "polls", problems);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"phone-polls-{width}x{height}.png") });

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Empty(problems);
    }

    private static async Task Check(IPage page, string state, List<string> problems)
    {
        problems.AddRange((await Layout.FixedOverContent(page)).Select(p => $"{state}: {p}"));
        problems.AddRange((await Layout.SmallTargets(page)).Select(p => $"{state}: small target {p}"));
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, innerWidth]");
        if (widths[0] > widths[1])
        {
            var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 5)");
            problems.Add($"{state}: scrolls sideways ({widths[0]} > {widths[1]}): {string.Join(", ", wide)}");
        }
    }
}
