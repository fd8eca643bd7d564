using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// Script- and HTML-bearing names and questions show as literal text on the participant,
/// moderator and projector pages: no dialog opens, no element is injected, and the pages run
/// under their Content-Security-Policy without a single violation.
/// </summary>
public sealed class OutputSafetyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Name = "<img src=x onerror=alert(1)>";
    private const string Question = "<script>alert('q')</script><b>gras</b><iframe src=\"javascript:alert(2)\"></iframe>";

    [Fact]
    public async Task Hostile_names_and_questions_are_shown_as_text_and_run_nothing()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "<i>Titre</i>");
        await using var attacker = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Name, ParticipantMode.Remote));
        var asked = await attacker.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest(Question));
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("PinQuestion", new QuestionRef(asked.QuestionId));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Pinned));

        var dialogs = 0;
        var violations = new List<string>();
        // Watch before loading: a script would run, and a violation be reported, during the load.
        async Task<IPage> Open(string path)
        {
            var page = await browser.NewPage();
            page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add(message.Text);
                }
            };
            await page.GotoAsync(path);
            return page;
        }
        var participant = await Open($"/join/{created.JoinCode}");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        var pages = new[]
        {
            participant,
            await Open($"/moderate/{created.JoinCode}#key={created.ModeratorKey}"),
            await Open($"/screen/{created.JoinCode}#key={created.ProjectorKey}"),
        };

        // The moderator finds the pinned question in its tab.
        await pages[1].GetByRole(AriaRole.Tab, new() { Name = "Épinglée" }).ClickAsync();
        foreach (var page in pages)
        {
            await Expect(page.Locator("main")).ToContainTextAsync(Question);
            Assert.Equal(0, await page.Locator("img[src='x'], main script, main b, main iframe, h1 i").CountAsync());
        }
        await Expect(pages[0].Locator("h1")).ToHaveTextAsync("<i>Titre</i>");
        await Expect(pages[1].Locator("h1")).ToHaveTextAsync("<i>Titre</i>");
        await Expect(pages[0].Locator(".question .meta").First).ToContainTextAsync(Name);
        await Expect(pages[1].Locator(".question .meta").First).ToContainTextAsync(Name);
        await Expect(pages[2].Locator(".pinned-view .meta")).ToContainTextAsync(Name);
        // The projector's join screen shows the title, as text.
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Join));
        await Expect(pages[2].Locator(".join-view h1")).ToHaveTextAsync("<i>Titre</i>");
        Assert.Equal(0, await pages[2].Locator("h1 i, main script, main b").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Empty(violations);
    }
}
