using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>The pages, end to end in headless Chromium: create, share, join, ask, upvote, vote, project.</summary>
public sealed partial class LiveSessionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_facilitator_and_a_participant_run_a_session_from_their_browsers()
    {
        // The facilitator creates the session from the home page and lands on its console.
        var facilitator = await browser.NewPage();
        await facilitator.GotoAsync("/");
        await facilitator.GetByLabel("Titre de la session").FillAsync("Café IA à la médiathèque");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Créer la session" }).ClickAsync();
        await Expect(facilitator).ToHaveURLAsync(FacilitatorUrl());
        // A draft opens on Préparer, and asks to keep the facilitator link.
        await Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Préparer" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Gardez votre lien d'animation" })).ToBeVisibleAsync();
        var code = (await facilitator.Locator("#join-code").TextContentAsync())!;
        Assert.Matches("^[2-9A-Z]{6}$", code);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Démarrer la session" }).ClickAsync();
        await Expect(facilitator.Locator("#session-state")).ToHaveTextAsync("En cours");

        // A remote participant joins with the code from the home page, and sees the café's title.
        var participant = await browser.NewPage();
        await participant.GotoAsync("/");
        await participant.GetByLabel("Code à 6 caractères").FillAsync(code.ToLowerInvariant());
        await participant.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await Expect(participant).ToHaveURLAsync(new Regex($"/join/{code}$"));
        await Expect(participant.Locator("h1")).ToHaveTextAsync("Café IA à la médiathèque");
        await participant.GetByLabel("Votre nom (facultatif)").FillAsync("Chloé");
        await participant.GetByLabel("à distance").CheckAsync();
        await participant.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await Expect(participant.Locator("#live")).ToBeVisibleAsync();
        await Expect(facilitator.Locator("#counts")).ToHaveTextAsync("0 sur place · 1 à distance");

        // Her question reaches Animer live; script-like text stays text.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Animer" }).ClickAsync();
        await participant.GetByLabel("Votre question").FillAsync("<b>Qui</b> décide ?");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        var question = facilitator.Locator("#questions .question").Filter(new() { HasText = "<b>Qui</b> décide ?" });
        await Expect(question).ToBeVisibleAsync();
        await Expect(question.Locator("b")).ToHaveCountAsync(0);
        await Expect(question).ToContainTextAsync("Chloé · À distance");

        // Her upvote moves the count on the facilitator's screen.
        await participant.GetByRole(AriaRole.Button, new() { Name = "Voter pour : <b>Qui</b> décide ?" }).ClickAsync();
        await Expect(question).ToContainTextAsync("1 vote");

        // The facilitator creates a poll in one short form: it becomes the focus; she opens the vote.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "+ Nouveau sondage" }).ClickAsync();
        await facilitator.GetByLabel("Question du sondage").FillAsync("L'IA, plutôt :");
        await facilitator.GetByLabel("Réponses possibles (une par ligne, 2 à 10)").FillAsync("une chance\nun risque\nles deux");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Créer le sondage" }).ClickAsync();
        await Expect(facilitator.Locator(".poll-focus h2")).ToHaveTextAsync("L'IA, plutôt :");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }).ClickAsync();

        // On her phone the focus comes first: the poll; she votes; everyone sees the split result.
        var ballot = participant.Locator(".focus-card form.ballot");
        await Expect(ballot).ToBeVisibleAsync();
        await ballot.GetByLabel("les deux").CheckAsync();
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
        await Expect(participant.Locator(".focus-card .confirmation")).ToHaveTextAsync("✓ Votre vote est pris en compte.");
        await Expect(facilitator.Locator(".poll-focus [data-option='2']")).ToHaveAttributeAsync("data-count", "1");
        await Expect(facilitator.Locator(".poll-focus [data-option='2'] .split")).ToHaveTextAsync("(0 sur place · 1 à distance)");

        // The projector link (Préparer, Partager) shows the focus poll, the code in its corner, then the questions.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Préparer" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "Partager" }).ClickAsync();
        var projectorUrl = await facilitator.Locator("#links a[href*='/screen/']").GetAttributeAsync("href");
        var projector = await browser.NewPage();
        await projector.GotoAsync(projectorUrl!);
        await Expect(projector.Locator(".corner-code")).ToHaveTextAsync(code);
        await Expect(projector.Locator(".activity-view [data-option='2']")).ToHaveAttributeAsync("data-count", "1");

        // A changed ballot moves the counts everywhere, live.
        await ballot.GetByLabel("une chance").CheckAsync();
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Changer mon vote" }).ClickAsync();
        await Expect(projector.Locator(".activity-view [data-option='0']")).ToHaveAttributeAsync("data-count", "1");
        await Expect(projector.Locator(".activity-view [data-option='2']")).ToHaveAttributeAsync("data-count", "0");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Animer" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Group, new() { Name = "La salle voit :" }).GetByRole(AriaRole.Button, new() { Name = "Questions", Exact = true }).ClickAsync();
        await Expect(projector.Locator(".questions-view")).ToContainTextAsync("<b>Qui</b> décide ?");
    }

    [Fact]
    public async Task A_reload_keeps_the_participant_identity_and_upvotes()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA rechargé");
        var page = await browser.NewPage();
        await page.GotoAsync($"/join/{created.JoinCode}?mode=onsite");
        await Expect(page.GetByLabel("sur place")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await page.GetByLabel("Votre question").FillAsync("Toujours moi ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voter pour : Toujours moi ?" }).ClickAsync();
        await Expect(page.Locator(".question .meta")).ToContainTextAsync("votre question");

        // The resume token rejoins at once: no form to fill again.
        await page.ReloadAsync();
        await Expect(page.Locator("#live")).ToBeVisibleAsync();
        await Expect(page.Locator(".question .meta")).ToContainTextAsync("votre question");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer mon vote : Toujours moi ?" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [GeneratedRegex("/facilitate/[2-9A-Z]{6}#key=.+$")]
    private static partial Regex FacilitatorUrl();
}
