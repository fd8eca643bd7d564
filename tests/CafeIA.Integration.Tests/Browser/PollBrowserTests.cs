using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>Three participants answer a word cloud and a single-choice poll; the projector shows the focus poll's counts.</summary>
public sealed class PollBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Three_participants_vote_and_the_projector_shows_the_word_cloud_and_the_bars()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA en chiffres");
        var facilitator = await browser.NewPage();
        await facilitator.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await Expect(facilitator.Locator(".topbar")).ToBeVisibleAsync();

        // Prepared before the start: a word cloud and a single-choice poll.
        await CreatePoll(facilitator, "L'IA en un mot ?", "wordCloud");
        await CreatePoll(facilitator, "L'IA au quotidien, plutôt :", "single", options: "une aide\nune menace\nles deux");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Démarrer la session" }).ClickAsync();
        await Expect(facilitator.Locator("#session-state")).ToHaveTextAsync("En cours");
        // In Animer, each poll of the agenda is put on screen and its vote opened.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Animer" }).ClickAsync();
        foreach (var poll in new[] { "L'IA en un mot ?", "L'IA au quotidien, plutôt :" })
        {
            await facilitator.Locator(".agenda button.activity").Filter(new() { HasText = poll }).ClickAsync();
            await Expect(facilitator.Locator(".poll-focus h2")).ToHaveTextAsync(poll);
            await facilitator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }).ClickAsync();
            await Expect(facilitator.Locator("[data-switch=voting]")).ToHaveAttributeAsync("aria-pressed", "true");
        }

        var projector = await browser.NewPage();
        await projector.SetViewportSizeAsync(1280, 900);
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");

        var voters = new (string Name, string Mode, string[] Words, string Choice)[]
        {
            ("Alice", "sur place", ["Éthique", "avenir"], "une aide"),
            ("Bob", "sur place", ["éthique !"], "les deux"),
            ("Chloé", "à distance", ["ÉTHIQUE", "emploi"], "une aide"),
        };
        foreach (var (name, mode, words, choice) in voters)
        {
            var page = await browser.JoinAsParticipant(created.JoinCode, name, mode);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Sondages" }).ClickAsync();

            var cloud = page.Locator("#polls form.ballot").Filter(new() { HasText = "L'IA en un mot ?" });
            var fields = cloud.Locator("input[name=word]");
            for (var i = 0; i < words.Length; i++)
            {
                await fields.Nth(i).FillAsync(words[i]);
            }
            await cloud.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
            await Expect(cloud.Locator(".confirmation")).ToBeVisibleAsync();

            var single = page.Locator("#polls form.ballot").Filter(new() { HasText = "L'IA au quotidien, plutôt :" });
            await single.GetByLabel(choice).CheckAsync();
            await single.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
            await Expect(single.Locator(".confirmation")).ToHaveTextAsync("✓ Votre vote est pris en compte.");
        }

        // The projector shows the focus: the single choice, with every count split.
        var onScreen = projector.Locator(".activity-view");
        await Expect(onScreen.Locator("h1")).ToHaveTextAsync("L'IA au quotidien, plutôt :");
        await Expect(onScreen.Locator("[data-option='0']")).ToHaveAttributeAsync("data-count", "2");
        await Expect(onScreen.Locator("[data-option='0'] .split")).ToHaveTextAsync("(1 sur place · 1 à distance)");
        await Expect(onScreen.Locator("[data-option='1'] .split")).ToHaveTextAsync("(0 sur place · 0 à distance)");
        await Expect(onScreen.Locator("[data-option='2'] .split")).ToHaveTextAsync("(1 sur place · 0 à distance)");
        await Expect(onScreen.Locator("[data-option='0'] .figure")).ToContainTextAsync("67");
        await Expect(onScreen.Locator(".voters")).ToContainTextAsync("3 participants ont répondu");
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("poll-projector-single.png") });

        // ← in Animer puts the word cloud back on screen: three spellings of "éthique" are one word.
        await facilitator.Locator("body").PressAsync("ArrowLeft");
        await Expect(onScreen.Locator("h1")).ToHaveTextAsync("L'IA en un mot ?");
        var ethique = onScreen.Locator(".cloud li").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^éthique", System.Text.RegularExpressions.RegexOptions.IgnoreCase) });
        await Expect(ethique).ToHaveCountAsync(1);
        await Expect(ethique).ToHaveAttributeAsync("data-count", "3");
        await Expect(onScreen.Locator(".cloud li")).ToHaveCountAsync(3);
        await Expect(onScreen.Locator(".cloud li[data-word='avenir']")).ToHaveAttributeAsync("data-count", "1");
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("poll-projector-wordcloud.png") });
        await facilitator.ScreenshotAsync(new() { Path = Artifacts.PathFor("poll-facilitator.png") });
    }

    private static async Task CreatePoll(IPage facilitator, string question, string kind, string? options = null)
    {
        await facilitator.GetByLabel("Question du sondage").FillAsync(question);
        await facilitator.GetByLabel("Type").SelectOptionAsync(kind);
        if (options is not null)
        {
            await facilitator.GetByLabel("Réponses possibles (une par ligne, 2 à 10)").FillAsync(options);
        }
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Créer le sondage" }).ClickAsync();
        await Expect(facilitator.Locator("article.poll").Filter(new() { HasText = question })).ToBeVisibleAsync();
    }
}
