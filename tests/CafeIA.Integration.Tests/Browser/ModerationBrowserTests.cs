using CafeIA.Integration.Tests.Infrastructure;
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
        await facilitator.GetByLabel("Relire les questions avant publication (pré-modération)").CheckAsync();
        await Expect(facilitator.Locator("#status")).ToHaveTextAsync("Les nouvelles questions attendront une relecture.");

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
        await Expect(chloe.Locator("#questions")).Not.ToContainTextAsync("Comment l'IA apprend-elle ?");

        await row.GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync();
        await Expect(chloe.Locator("#questions")).ToContainTextAsync("Comment l'IA apprend-elle ?");
        await Expect(alice.Locator("#questions")).ToContainTextAsync("votre question");

        await row.GetByRole(AriaRole.Button, new() { Name = "Épingler" }).ClickAsync();
        var projector = await browser.NewPage();
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(projector.Locator("#pinned-text")).ToHaveTextAsync("Comment l'IA apprend-elle ?");
        await Expect(projector.Locator("#counts")).ToHaveTextAsync("1 sur place · 1 à distance");
        await Expect(chloe.Locator(".question.pinned .badge")).ToHaveTextAsync("En discussion");
        var qrWidth = await projector.Locator("#qr").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(qrWidth > 0, "the QR code image loads");

        // The speaking queue, from a raised hand to the participant's screen.
        await chloe.GetByRole(AriaRole.Button, new() { Name = "Lever la main pour parler" }).ClickAsync();
        await Expect(moderator.Locator("#hands")).ToContainTextAsync("Chloé · À distance");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Donner la parole au suivant" }).ClickAsync();
        await Expect(chloe.Locator("#your-turn")).ToContainTextAsync("C'est à vous de parler");
        await Expect(projector.Locator("#speaker")).ToHaveTextAsync("Chloé (à distance) a la parole.");
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-projector.png"), FullPage = true });
        await moderator.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-console.png"), FullPage = true });
        await chloe.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-participant.png"), FullPage = true });
    }
}
