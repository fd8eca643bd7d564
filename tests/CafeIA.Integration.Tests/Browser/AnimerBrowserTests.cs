using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The facilitator's page: Animer on a 1366×768 laptop without page scroll, the keys that run
/// the café (also from the projector's window), Préparer before the start, and "Mes cafés".
/// </summary>
public sealed class AnimerBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Animer_fits_a_1366x768_laptop_without_page_scroll(string lang)
    {
        await using var cafe = await LongCafe.Play(browser.BaseAddress);
        await cafe.Facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, cafe.LongPoll));
        await cafe.Facilitator.Invoke("RaiseHand");
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"/facilitate/{cafe.Created.JoinCode}?lang={lang}#key={cafe.Created.FacilitatorKey}");
        // A live session opens on Animer, with the three columns.
        await Expect(page.Locator("main.animer")).ToBeVisibleAsync();
        await Expect(page.Locator(".agenda .activities li")).ToHaveCountAsync(6);
        await Expect(page.Locator(".room #questions li")).ToHaveCountAsync(8);
        await Expect(page.Locator(".poll-focus [data-option='9']")).ToBeVisibleAsync();
        var scroll = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerWidth, innerHeight]");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"animer-1366x768-{lang}.png") });
        Assert.True(scroll[1] <= scroll[3], $"Animer scrolls: {scroll[1]} px tall in {scroll[3]}");
        Assert.True(scroll[0] <= scroll[2], $"Animer scrolls sideways: {scroll[0]} px wide in {scroll[2]}");
        foreach (var part in new[] { ".topbar", ".column.agenda", ".column.focus", ".column.room", ".focus-nav" })
        {
            var box = (await page.Locator(part).BoundingBoxAsync())!;
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 768.5 && box.X >= 0 && box.X + box.Width <= 1366.5, $"{part} is inside the window: {box.X},{box.Y} {box.Width}×{box.Height}");
        }
    }

    [Fact]
    public async Task The_keys_run_the_cafe_and_every_switch_shows_its_key()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA au clavier");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var first = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Premier sondage", PollKind.Single, ["oui", "non"]))).PollId;
        var second = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Deuxième sondage", PollKind.Single, ["oui", "non"]))).PollId;
        // Open: the projector and the phones receive a poll once it has been opened (drafts are the staff's).
        await facilitator.Invoke("OpenPoll", new PollRef(first));
        await facilitator.Invoke("OpenPoll", new PollRef(second));
        await using var alice = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        var top = (await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("La plus votée ?"))).QuestionId;
        await alice.Invoke("Upvote", new QuestionRef(top));
        await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Une autre"));

        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await Expect(page.Locator("main.animer")).ToBeVisibleAsync();
        var projector = await page.Context.NewPageAsync();
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(projector.Locator(".screen[data-view='join']")).ToBeVisibleAsync();
        await page.BringToFrontAsync();

        // → puts the first activity on screen, and again the next.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(projector.Locator(".activity-view h1")).ToHaveTextAsync("Premier sondage");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(projector.Locator(".activity-view h1")).ToHaveTextAsync("Deuxième sondage");
        Assert.Equal(new Screen(ScreenView.Activity, second), (await facilitator.Snapshot()).Screen);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator(".poll-focus h2")).ToHaveTextAsync("Premier sondage");

        // Space closes the focus poll's vote, and opens it again: the session's state changes.
        await Expect(page.Locator("[data-switch=voting]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync(" ");
        await facilitator.WaitForState(s => s.Polls[first].State == PollState.Closed, "the first poll closed");
        await Expect(page.Locator("[data-switch=voting]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Keyboard.PressAsync(" ");
        await facilitator.WaitForState(s => s.Polls[first].State == PollState.Open, "the first poll open again");
        await Expect(page.Locator("[data-switch=voting]")).ToHaveAttributeAsync("aria-pressed", "true");

        // R: results on the projector, off and on.
        await page.Keyboard.PressAsync("r");
        await facilitator.WaitForState(s => !s.Polls[first].ResultsOnScreen, "results off the projector");
        // The key acts on what this page knows: once it shows the switch off.
        await Expect(page.Locator("[data-switch=screen]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Keyboard.PressAsync("r");
        await facilitator.WaitForState(s => s.Polls[first].ResultsOnScreen, "results back on the projector");

        // Q shows the join screen; Q again gives the room its activity back.
        await page.Keyboard.PressAsync("q");
        await Expect(projector.Locator(".screen[data-view='join']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "La salle voit :" }).GetByRole(AriaRole.Button, new() { Name = "Rejoindre" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("q");
        await Expect(projector.Locator(".activity-view h1")).ToHaveTextAsync("Premier sondage");

        // P pins the most upvoted question and shows it.
        await page.Keyboard.PressAsync("p");
        await Expect(projector.Locator(".pinned-text")).ToHaveTextAsync("La plus votée ?");
        await facilitator.WaitForState(s => s.Questions[top].Status == QuestionStatus.Pinned, "the top question pinned");

        // The projector's window takes the same keys: they run the café through this page. From the
        // pinned question, → goes on from the activity the room saw last (the first poll): the second.
        await projector.BringToFrontAsync();
        await projector.Keyboard.PressAsync("ArrowRight");
        await Expect(projector.Locator(".activity-view h1")).ToHaveTextAsync("Deuxième sondage");
        await projector.Keyboard.PressAsync("q");
        await Expect(projector.Locator(".screen[data-view='join']")).ToBeVisibleAsync();

        // ? lists the keys; typing in a field is never a shortcut.
        await page.BringToFrontAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Raccourcis clavier" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Nouveau sondage" }).ClickAsync();
        await page.GetByLabel("Question du sondage").FillAsync("q p r");
        await Expect(projector.Locator(".screen[data-view='join']")).ToBeVisibleAsync();

        // Each key's button shows it.
        foreach (var (control, key) in new[] { ("[data-switch=voting]", "Espace"), ("[data-switch=screen]", "R"), (".focus-nav .btn.primary", "→") })
        {
            await page.Keyboard.PressAsync("Escape");
            await page.Locator(".agenda button.activity").First.ClickAsync();
            await Expect(page.Locator(control).Locator("kbd")).ToHaveTextAsync(key);
        }
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("animer-keys.png") });
    }

    [Fact]
    public async Task A_draft_opens_on_Préparer_a_live_session_on_Animer()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA en préparation");
        var page = await browser.NewPage();
        await page.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Préparer" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Activités" })).ToHaveAttributeAsync("aria-selected", "true");
        foreach (var tab in new[] { "Partager", "Réglages", "Carte", "Rapport" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tabpanel)).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"preparer-{tab.ToLowerInvariant()}.png") });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Démarrer la session" }).ClickAsync();
        await Expect(page.Locator("#session-state")).ToHaveTextAsync("En cours");
        await page.ReloadAsync();
        await Expect(page.Locator("main.animer")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Animer" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task A_facilitator_finds_their_cafe_again_in_Mes_cafés()
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        await Expect(page.GetByText("Aucun café dans ce navigateur.")).ToBeVisibleAsync();
        await page.GetByLabel("Titre de la session").FillAsync("Café IA retrouvé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gardez votre lien d'animation" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copier le lien" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Télécharger la fiche des liens" }).ClickAsync());
        var card = await File.ReadAllTextAsync((await download.PathAsync())!);
        var url = page.Url;
        Assert.Contains(url, card, StringComparison.Ordinal);
        Assert.Contains("/screen/", card, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "C'est noté" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gardez votre lien d'animation" })).ToHaveCountAsync(0);

        // Back home, the café is listed with its facilitator link, key included.
        await page.GotoAsync("/");
        var mine = page.Locator("#my-cafes li").Filter(new() { HasText = "Café IA retrouvé" });
        await Expect(mine).ToBeVisibleAsync();
        Assert.Equal(url, await mine.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await mine.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#join-code")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("#my-cafes li").Filter(new() { HasText = "Café IA retrouvé" }).GetByRole(AriaRole.Button, new() { Name = "Oublier" }).ClickAsync();
        await Expect(page.Locator("#my-cafes")).ToHaveCountAsync(0);
        output.WriteLine($"facilitator link kept in the card: {url.Split('#')[0]}#key=…");
    }

    [Fact]
    public async Task Next_walks_the_agenda_opens_its_poll_and_starts_the_timer_the_projector_shows()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA à l'ordre du jour");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA à la médiathèque, plutôt :", PollKind.Single, ["oui", "non"]))).PollId;
        await facilitator.Invoke("SetAgenda", new SetAgendaRequest([
            new ActivityDefinition("accueil", AgendaActivityKind.Text, "Accueil et tour de table", 5, Notes: "Présenter la charte", ShowTimer: true),
            new ActivityDefinition("vote", AgendaActivityKind.Poll, "Premier vote", 10, PollId: poll, OpenOnStart: true, ShowTimer: true),
            new ActivityDefinition("pause", AgendaActivityKind.Break, "Pause café", 15),
        ]));
        await facilitator.Invoke("StartSession");

        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await Expect(page.Locator("main.animer")).ToBeVisibleAsync();
        await Expect(page.Locator(".agenda .activities li")).ToHaveCountAsync(3);
        var projector = await browser.NewPage();
        await projector.SetViewportSizeAsync(1920, 1080);
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(projector.Locator(".screen[data-view='join']")).ToBeVisibleAsync();

        // Next: the first activity, a text with its timer, on the projector.
        await page.Locator("#next-activity").ClickAsync();
        await Expect(projector.Locator(".agenda-view .screen-title")).ToHaveTextAsync("Accueil et tour de table");
        var timer = projector.Locator(".agenda-view .activity-timer");
        await Expect(timer).ToBeVisibleAsync();
        var seconds = int.Parse(await timer.GetAttributeAsync("data-remaining") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 5 * 60);
        await Expect(page.Locator(".agenda-notes")).ToContainTextAsync("Présenter la charte");
        await Expect(page.Locator(".agenda .activities li.focus")).ToContainTextAsync("Accueil et tour de table");

        // Next again: the poll activity opens its poll, the projector shows it, and the timer moves to the strip under it.
        await page.Locator("#next-activity").ClickAsync();
        await Expect(projector.Locator(".activity-view")).ToContainTextAsync("L'IA à la médiathèque, plutôt :");
        await Expect(projector.Locator(".strip .activity-timer")).ToBeVisibleAsync();
        var pollTimer = int.Parse(await projector.Locator(".strip .activity-timer").GetAttributeAsync("data-remaining") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pollTimer, 5 * 60 + 1, 10 * 60);
        var state = await facilitator.Snapshot();
        Assert.Equal(PollState.Open, state.Polls.Single(p => p.Id == poll).State);
        Assert.Equal("vote", state.CurrentActivity);
        await Expect(page.Locator(".agenda .activities li.focus")).ToContainTextAsync("Premier vote");
        await Expect(page.Locator(".agenda-now .activity-timer")).ToBeVisibleAsync();
        // Nothing on the projector is covered by the timer: it sits in the strip, in the page's flow.
        var overlap = await projector.EvaluateAsync<bool>(@"() => {
            const a = document.querySelector('.strip .activity-timer').getBoundingClientRect();
            const b = document.querySelector('#stage').getBoundingClientRect();
            return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
        }");
        Assert.False(overlap, "the timer overlaps the stage");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("animer-agenda.png") });
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("projector-agenda-poll.png") });

        // A break shows no timer when it does not ask for one.
        await page.Locator("#next-activity").ClickAsync();
        await Expect(projector.Locator(".agenda-view .screen-title")).ToHaveTextAsync("Pause café");
        await Expect(projector.Locator(".activity-timer")).ToHaveCountAsync(0);
        await Expect(page.Locator("#next-activity")).ToBeDisabledAsync();
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("projector-agenda-break.png") });
    }
}
