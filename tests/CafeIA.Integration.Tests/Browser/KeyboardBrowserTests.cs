using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>Without a pointer: join, ask, upvote and vote with the keyboard alone; and on a slow 4G link.</summary>
public sealed class KeyboardBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_participant_joins_asks_upvotes_and_votes_with_the_keyboard_only()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Au clavier");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Au clavier, c'est :", PollKind.Single, ["facile", "difficile"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));

        var page = await browser.NewPage();
        await page.GotoAsync($"/join/{created.JoinCode}");
        await TabTo(page, "#name");
        await page.Keyboard.TypeAsync("Clavier");
        await TabTo(page, "#join");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#live")).ToBeVisibleAsync();

        await TabTo(page, "#question-text");
        await page.Keyboard.TypeAsync("Posée sans souris ?");
        await TabTo(page, "#ask-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        var upvote = page.Locator(".question").Filter(new() { HasText = "Posée sans souris ?" }).Locator("button.upvote");
        await Expect(upvote).ToBeVisibleAsync();
        await TabTo(page, ".question button.upvote");
        await page.Keyboard.PressAsync("Space");
        await Expect(upvote).ToHaveAttributeAsync("aria-pressed", "true");

        // The polls are one tab away: the tab list takes ←/→, as WAI-ARIA tabs do.
        await TabTo(page, "#tab-questions");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#tab-polls")).ToHaveAttributeAsync("aria-selected", "true");
        await TabTo(page, "form.ballot input[name=choice]");
        await page.Keyboard.PressAsync("Space");
        await TabTo(page, "form.ballot button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("form.ballot .confirmation")).ToHaveTextAsync("✓ Votre vote est pris en compte.");
        var results = (await facilitator.Snapshot()).Polls.Single(p => p.Id == poll).Results!;
        Assert.Equal(1, results.Voters);
        Assert.Equal(1, (await facilitator.Snapshot()).Questions.Single(q => q.Text == "Posée sans souris ?").Votes);
    }

    [Fact]
    public async Task A_participant_joins_over_a_slow_mobile_link()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "En 4G rurale");
        var page = await browser.NewPage();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        // 400 kbit/s each way and 400 ms of latency, for every request of the page.
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 400,
            ["downloadThroughput"] = 400 * 1000 / 8,
            ["uploadThroughput"] = 400 * 1000 / 8,
        });
        var started = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync($"/join/{created.JoinCode}?mode=remote");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await Expect(page.Locator("#live")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        output.WriteLine($"Slow link: from opening the join link to a successful JoinSession in {started.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"[slow-network] join link to JoinSession: {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Presses Tab until the focused element matches the selector (at most 60 times).</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
