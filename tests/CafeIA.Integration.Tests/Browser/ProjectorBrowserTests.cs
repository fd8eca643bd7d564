using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The projector: what the staff choose (SetScreen) at the three projector sizes, with content
/// at its limits; never a scrollbar, nothing outside the screen or cut off; the way in always
/// in the corner; read from the back of the room; controls that get out of the way.
/// </summary>
public sealed class ProjectorBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static TheoryData<int, int, string> Sizes => new()
    {
        { 1920, 1080, "light" }, { 1280, 720, "light" }, { 1024, 768, "light" }, { 1920, 1080, "dark" }, { 1024, 768, "dark" },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_view_fits_the_screen_with_long_content(int width, int height, string theme)
    {
        await using var cafe = await LongCafe.Play(browser.BaseAddress);
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/screen/{cafe.Created.JoinCode}?theme={theme}#key={cafe.Created.ProjectorKey}");
        await Expect(page.Locator(".join-view .join-code")).ToHaveTextAsync(cafe.Created.JoinCode);
        Assert.Equal(theme == "dark", await page.EvaluateAsync<bool>("document.documentElement.classList.contains('theme-dark')"));

        var views = new (ScreenRequest Screen, string Name, string Ready)[]
        {
            (new(ScreenView.Join), "join", ".join-view h1"),
            (new(ScreenView.Activity, cafe.LongPoll), "poll-10-options", ".activity-view [data-option='9']"),
            (new(ScreenView.Activity, cafe.WordCloud), "cloud-60-words", ".activity-view .cloud li:nth-child(60)"),
            (new(ScreenView.Questions), "questions", ".questions-view .question-card.large"),
            (new(ScreenView.Pinned), "pinned", ".pinned-view .pinned-text"),
            (new(ScreenView.Blank), "blank", ".blank-view"),
        };
        var problems = new List<string>();
        foreach (var (screen, name, ready) in views)
        {
            await cafe.Facilitator.Invoke("SetScreen", screen);
            await Expect(page.Locator(ready)).ToBeVisibleAsync();
            var found = await Layout.FitProblemsSettled(page);
            problems.AddRange(found.Select(p => $"{name} at {width}×{height} ({theme}): {p}"));
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"projector-{name}-{width}x{height}-{theme}.png") });

            // The way in: the corner strip with the code and a QR, except on the full join screen.
            var corner = page.Locator(".corner");
            if (name == "join")
            {
                await Expect(corner).ToHaveCountAsync(0);
                await Expect(page.Locator(".join-view .join-qr")).ToBeVisibleAsync();
            }
            else
            {
                await Expect(corner.Locator(".corner-code")).ToHaveTextAsync(cafe.Created.JoinCode);
                await Expect(corner.Locator("img.corner-qr")).ToBeVisibleAsync();
            }
        }
        // Curated, not crammed: the questions view shows the top one and a few more, and says how many wait on the phones.
        await cafe.Facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Questions));
        await Expect(page.Locator(".questions-view .question-card.large")).ToContainTextAsync("10. Comment");
        await Expect(page.Locator(".questions-view > .meta")).ToContainTextAsync("sur vos téléphones");
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Text_is_sized_for_the_back_of_the_room()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA, plutôt :", PollKind.Single, ["une chance", "un risque"]))).PollId;
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(page.Locator(".join-view")).ToBeVisibleAsync();
        Assert.True(await FontSize(page, ".join-code") >= 96, "the join code is at least 96 px on the join screen");
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, poll));
        await Expect(page.Locator(".activity-view")).ToBeVisibleAsync();
        var title = await FontSize(page, ".activity-view .screen-title");
        Assert.True(title >= 56, "titles are at least 56 px at 1080p");
        Assert.True(await FontSize(page, ".activity-view .bars .option") >= 28, "body text is at least 28 px at 1080p");
        // It scales with the screen's height.
        await page.SetViewportSizeAsync(1280, 720);
        await Eventually.Get(() => FontSize(page, ".activity-view .screen-title"), size => size < title * 0.8, "a smaller title at 720p", TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SetScreen_changes_the_view_of_two_projectors_one_view_after_the_other()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA à deux écrans");
        await using var moderator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.ModeratorKey));
        var screens = new[] { await browser.NewPage(), await browser.NewPage() };
        foreach (var screen in screens)
        {
            await screen.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
            await Expect(screen.Locator(".screen[data-view='join']")).ToBeVisibleAsync();
        }
        foreach (var view in new[] { ScreenView.Questions, ScreenView.Blank, ScreenView.Pinned, ScreenView.Join })
        {
            // How fast is the fan-out's business (bench fanout, docs/BENCHMARKS.md); here both screens must follow, in order.
            var clock = Stopwatch.StartNew();
            await moderator.Invoke("SetScreen", new ScreenRequest(view));
            var name = view.ToString().ToLowerInvariant();
            foreach (var screen in screens)
            {
                await Expect(screen.Locator($".screen[data-view='{name}']")).ToBeVisibleAsync();
            }
            output.WriteLine($"{name}: both projectors changed {clock.ElapsedMilliseconds} ms after the call was sent");
        }
    }

    [Fact]
    public async Task Controls_and_the_cursor_hide_after_3_seconds_without_the_mouse()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA calme");
        var page = await browser.NewPage();
        await page.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(page.Locator(".join-view")).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(200, 200);
        var moved = Stopwatch.StartNew();
        await Expect(page.Locator(".screen")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("idle"));
        Assert.Equal("1", await page.Locator(".controls").EvaluateAsync<string>("el => getComputedStyle(el).opacity"));
        await Expect(page.Locator(".screen.idle")).ToBeVisibleAsync(new() { Timeout = 6000 });
        Assert.True(moved.ElapsedMilliseconds >= 2500, $"hid after {moved.ElapsedMilliseconds} ms");
        Assert.Equal("none", await page.Locator(".screen").EvaluateAsync<string>("el => getComputedStyle(el).cursor"));
        await Eventually.Get(() => page.Locator(".controls").EvaluateAsync<string>("el => getComputedStyle(el).opacity"), o => o == "0", "the controls faded out", TimeSpan.FromSeconds(3));
        await page.Mouse.MoveAsync(300, 300);
        await Expect(page.Locator(".screen.idle")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Results_on_the_projector_are_a_switch_of_their_own()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA, trois interrupteurs");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Plutôt :", PollKind.Single, ["oui", "non"], HideResults: true))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, poll));
        var page = await browser.NewPage();
        await page.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        // Hidden from the phones and off on the projector: the options, no bars.
        await Expect(page.Locator(".activity-view .pending .options li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".activity-view .bars")).ToHaveCountAsync(0);
        await facilitator.Invoke("ShowResultsOnScreen", new ResultsOnScreenRequest(poll, true));
        await Expect(page.Locator(".activity-view .bars li")).ToHaveCountAsync(2);
        // The phones' switch and the voting switch leave it alone.
        await facilitator.Invoke("ClosePoll", new PollRef(poll));
        await Expect(page.Locator(".activity-view .kicker")).ToHaveTextAsync("Vote clos");
        await Expect(page.Locator(".activity-view .bars li")).ToHaveCountAsync(2);
        await facilitator.Invoke("ShowResultsOnScreen", new ResultsOnScreenRequest(poll, false));
        await Expect(page.Locator(".activity-view .bars")).ToHaveCountAsync(0);
    }

    private static Task<double> FontSize(IPage page, string selector) =>
        page.Locator(selector).First.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
}
