using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// axe-core (the npm package the front end's build installs) on every page and view, in the
/// states that matter, in French and English, the projector in both themes, and at 200 % zoom
/// (a 1280×720 window zoomed to 200 % is 640×360 CSS px). No violation at WCAG 2.1 A/AA.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("fr", 1366, 768)]
    [InlineData("en", 1366, 768)]
    [InlineData("fr", 640, 360)]
    public async Task Every_page_and_view_passes_axe_core_at_WCAG_21_AA(string lang, int width, int height)
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA accessible");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        await facilitator.Invoke("SetModeration", new ModerationSettings(true));
        await using var alice = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        var question = await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Comment l'IA apprend-elle ?"));
        await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Une question en attente ?"));
        await facilitator.Invoke("ApproveQuestion", new QuestionRef(question.QuestionId));
        await facilitator.Invoke("PinQuestion", new QuestionRef(question.QuestionId));
        await alice.Invoke("RaiseHand");
        var polls = new List<string>();
        foreach (var (text, kind, options) in new[] { ("Plutôt :", PollKind.Single, new[] { "oui", "non" }), ("En un mot ?", PollKind.WordCloud, Array.Empty<string>()) })
        {
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest(text, kind, options))).PollId;
            polls.Add(poll);
            await facilitator.Invoke("OpenPoll", new PollRef(poll));
            await alice.Invoke("Vote", kind == PollKind.Single ? new VoteRequest(poll, [0]) : new VoteRequest(poll, Words: ["éthique"]));
        }
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, polls[0]));

        var violations = new List<string>();
        var q = $"?lang={lang}";
        async Task<IPage> Open(string path, string ready)
        {
            var page = await browser.NewPage(bypassCsp: true);
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(path);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            return page;
        }
        async Task Audit(IPage page, string state)
        {
            violations.AddRange((await Axe.Violations(page)).Select(v => $"[{state}] {v}"));
        }

        await Audit(await Open($"/{q}", "#create-form"), "home");
        await Audit(await Open($"/cafes{q}", "body[data-ready=true]"), "cafes");
        await Audit(await Open($"/report/{created.JoinCode}{q}#key={created.FacilitatorKey}", "h1"), "report");

        var participant = await Open($"/join/{created.JoinCode}{q}", "#join");
        await Audit(participant, "join");
        await participant.Locator("#name").FillAsync("Chloé");
        await participant.Locator("#join").ClickAsync();
        await Expect(participant.Locator(".focus-card .poll-results")).ToBeVisibleAsync();
        await Audit(participant, "participant, focus and questions");
        await participant.Locator("#tab-polls").ClickAsync();
        await Audit(participant, "participant, polls");

        var animer = await Open($"/facilitate/{created.JoinCode}{q}#key={created.FacilitatorKey}", ".poll-focus .bars");
        await Audit(animer, "Animer");
        await animer.Locator(".topbar .modes button").First.ClickAsync();
        foreach (var tab in new[] { "activities", "share", "settings", "map", "report" })
        {
            await animer.Locator($"#tab-{tab}").ClickAsync();
            await Expect(animer.Locator($"#panel-{tab}")).ToBeVisibleAsync();
            await Audit(animer, $"Préparer, {tab}");
        }

        var moderator = await Open($"/moderate/{created.JoinCode}{q}#key={created.ModeratorKey}", "#questions .question.pending");
        await Audit(moderator, "moderator, to do");
        await moderator.Locator("#tab-pinned").ClickAsync();
        await Expect(moderator.Locator("#questions .question.pinned")).ToBeVisibleAsync();
        await Audit(moderator, "moderator, pinned");

        var moves = 0;
        foreach (var theme in new[] { "light", "dark" })
        {
            await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, polls[0]));
            var projector = await Open($"/screen/{created.JoinCode}{q}&theme={theme}#key={created.ProjectorKey}", ".activity-view .bars");
            // Without motion the controls are either shown or hidden, never mid-fade: a slow audit that outlasts
            // the 3 s before they hide then sees them hidden, not half transparent.
            await projector.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            foreach (var (screen, ready) in new (ScreenRequest, string)[]
            {
                (new(ScreenView.Activity, polls[0]), ".activity-view .bars"), (new(ScreenView.Activity, polls[1]), ".activity-view .cloud"),
                (new(ScreenView.Questions), ".questions-view"), (new(ScreenView.Pinned), ".pinned-view"), (new(ScreenView.Blank), ".blank-view"),
                (new(ScreenView.Join), ".join-view"),
            })
            {
                await facilitator.Invoke("SetScreen", screen);
                await Expect(projector.Locator(ready)).ToBeVisibleAsync();
                // The controls show (they fade out 3 s after the mouse stops; mid-fade is no state to audit).
                moves++;
                await projector.Mouse.MoveAsync(10 + moves % 2 * 10, 10);
                await Expect(projector.Locator(".screen.idle")).ToHaveCountAsync(0);
                await Expect(projector.Locator(".controls")).ToHaveCSSAsync("opacity", "1");
                await Audit(projector, $"projector {screen.View} {theme}");
            }
            await projector.Keyboard.PressAsync("?");
            await Expect(projector.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await Audit(projector, $"projector keys help {theme}");
        }
        Assert.Equal(lang, await participant.EvaluateAsync<string>("document.documentElement.lang"));

        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }
        Assert.Empty(violations);
    }
}
