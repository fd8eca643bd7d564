using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>A moderated hybrid café in headless Chromium: participant, moderator and projector pages.</summary>
public sealed class ModerationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_moderator_approves_and_pins_a_question_and_the_projector_shows_it()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA modéré");
        var facilitator = await browser.NewPage();
        await facilitator.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Démarrer la session" }).ClickAsync();
        await Expect(facilitator.Locator("#session-state")).ToHaveTextAsync("En cours");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Préparer" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "Réglages" }).ClickAsync();
        await facilitator.GetByLabel("Relire les questions avant publication (pré-modération)").CheckAsync();
        await Expect(facilitator.Locator(".confirmation")).ToHaveTextAsync("Les nouvelles questions attendront une relecture.");

        var alice = await browser.JoinAsParticipant(created.JoinCode, "Alice", "sur place");
        var chloe = await browser.JoinAsParticipant(created.JoinCode, "Chloé", "à distance");
        await alice.GetByLabel("Votre question").FillAsync("Comment l'IA apprend-elle ?");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(alice.Locator("#my-pending")).ToContainTextAsync("En attente de relecture par un modérateur.");

        var moderator = await browser.NewPage();
        await moderator.GotoAsync($"/moderate/{created.JoinCode}#key={created.ModeratorKey}");
        var row = moderator.Locator("#questions .question").Filter(new() { HasText = "Comment l'IA apprend-elle ?" });
        await Expect(row).ToContainTextAsync("En attente");
        await Expect(row).ToContainTextAsync("Alice · Sur place");
        await Expect(chloe.Locator("#live")).Not.ToContainTextAsync("Comment l'IA apprend-elle ?");

        await row.GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync();
        await Expect(chloe.Locator("#questions")).ToContainTextAsync("Comment l'IA apprend-elle ?");
        await Expect(alice.Locator("#questions")).ToContainTextAsync("votre question");

        await row.GetByRole(AriaRole.Button, new() { Name = "Épingler" }).ClickAsync();
        // Pinned, it moves to its tab, from which the moderator puts it on the room's screen.
        await moderator.GetByRole(AriaRole.Tab, new() { Name = "Épinglée" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Tab, new() { Name = "Épinglée" })).ToContainTextAsync("1");
        var projector = await browser.NewPage();
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(projector.Locator(".join-view")).ToBeVisibleAsync();
        await moderator.Locator("#questions .question.pinned").GetByRole(AriaRole.Button, new() { Name = "Montrer à l'écran" }).ClickAsync();
        await Expect(projector.Locator(".pinned-text")).ToHaveTextAsync("Comment l'IA apprend-elle ?");
        await Expect(projector.Locator(".strip .attendance")).ToHaveTextAsync("1 sur place, 1 à distance");
        await Expect(chloe.Locator("#questions .question.pinned .badge")).ToHaveTextAsync("En discussion");
        var qrWidth = await projector.Locator(".corner-qr").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(qrWidth > 0, "the QR code image loads");

        // The speaking queue, from a raised hand to the participant's screen.
        await chloe.GetByRole(AriaRole.Button, new() { Name = "Lever la main pour parler" }).ClickAsync();
        await Expect(moderator.Locator("#hands")).ToContainTextAsync("Chloé · À distance");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Donner la parole au suivant" }).ClickAsync();
        await Expect(chloe.Locator("#your-turn")).ToContainTextAsync("C'est à vous de parler");
        await Expect(projector.Locator(".strip .speaker")).ToHaveTextAsync("Chloé (à distance) a la parole.");
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-projector.png") });
        await moderator.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-console.png"), FullPage = true });
        await chloe.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-participant.png"), FullPage = true });
    }

    [Fact]
    public async Task The_moderator_works_the_queue_with_keys_on_the_focused_card()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA au clavier, modéré");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        await facilitator.Invoke("SetModeration", new ModerationSettings(true));
        await using var alice = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        var first = (await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Première question ?"))).QuestionId;
        var second = (await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Deuxième question ?"))).QuestionId;

        var moderator = await browser.NewPage();
        await moderator.GotoAsync($"/moderate/{created.JoinCode}#key={created.ModeratorKey}");
        var todo = moderator.GetByRole(AriaRole.Tab, new() { Name = "À traiter" });
        await Expect(todo).ToContainTextAsync("2");
        var card = moderator.Locator($"#questions li[data-question='{first}']");
        await card.FocusAsync();

        // A approves (the card stays in "À traiter", now visible), P pins it (it moves to "Épinglée").
        await moderator.Keyboard.PressAsync("a");
        await facilitator.WaitForState(s => s.Questions[first].Status == QuestionStatus.Visible, "the first question approved");
        await card.FocusAsync();
        await moderator.Keyboard.PressAsync("p");
        await facilitator.WaitForState(s => s.Questions[first].Status == QuestionStatus.Pinned, "the first question pinned");
        await Expect(moderator.GetByRole(AriaRole.Tab, new() { Name = "Épinglée" })).ToContainTextAsync("1");

        // H hides the second; ↓ and ↑ move between cards.
        var other = moderator.Locator($"#questions li[data-question='{second}']");
        await other.FocusAsync();
        await moderator.Keyboard.PressAsync("h");
        await facilitator.WaitForState(s => s.Questions[second].Status == QuestionStatus.Hidden, "the second question hidden");
        await Expect(moderator.GetByRole(AriaRole.Tab, new() { Name = "Masquées" })).ToContainTextAsync("1");
        await Expect(todo).ToContainTextAsync("0");

        // D marks the pinned one answered, from its tab.
        await moderator.GetByRole(AriaRole.Tab, new() { Name = "Épinglée" }).ClickAsync();
        await moderator.Locator($"#questions li[data-question='{first}']").FocusAsync();
        await moderator.Keyboard.PressAsync("d");
        await facilitator.WaitForState(s => s.Questions[first].Status == QuestionStatus.Answered, "the first question answered");
        await Expect(moderator.GetByRole(AriaRole.Tab, new() { Name = "Traitées" })).ToContainTextAsync("1");

        // Typing in a card's field is never a key.
        await moderator.GetByRole(AriaRole.Tab, new() { Name = "Masquées" }).ClickAsync();
        var hidden = moderator.Locator($"#questions li[data-question='{second}']");
        await hidden.Locator("summary").ClickAsync();
        await hidden.GetByLabel("Corriger le texte").FillAsync("a p d h");
        Assert.Equal(QuestionStatus.Hidden, facilitator.State.Questions[second].Status);
        await moderator.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderator-keys.png") });
    }
}
