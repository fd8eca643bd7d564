using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// Taking part without a smartphone and with little reading (issue 18): the poster to join,
/// printed on one A4 page, and "listen", which reads a question or a poll aloud with the
/// browser's own speech synthesis, in the session's language.
/// </summary>
public sealed class NobodyLeftOutBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_poster_prints_on_one_A4_page_with_the_code_3_cm_high_and_the_address()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA à la médiathèque");
        var page = await browser.NewPage(bypassCsp: true);
        await page.GotoAsync($"/poster/{created.JoinCode}");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await Expect(page.Locator(".poster-title")).ToHaveTextAsync("Café IA à la médiathèque");
        var violations = await Axe.Violations(page);
        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Capitals are about 0.72 em in the page's fonts: 3 cm capitals need a 4.1 cm font or more (1 cm = 96 / 2.54 px).
        var fontPx = await page.Locator(".poster-code").EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
        Assert.True(fontPx >= 3 / 0.72 * 96 / 2.54 - 1, $"the code's font is {fontPx} px");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("poster-print.png"), FullPage = true });
        var pdf = Artifacts.PathFor("poster.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });

        var text = Pdf.Run("pdftotext", $"-layout \"{pdf}\" -");
        Assert.Contains(created.JoinCode, text, StringComparison.Ordinal);
        Assert.Contains(browser.BaseAddress.Authority, text, StringComparison.Ordinal);
        var info = Pdf.Run("pdfinfo", $"\"{pdf}\"");
        Assert.Contains(info.Split('\n'), l => l.StartsWith("Pages:", StringComparison.Ordinal) && l.Trim().EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(info.Split('\n'), l => l.StartsWith("Page size:", StringComparison.Ordinal) && l.Contains("(A4)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listen_reads_the_question_and_the_poll_aloud_in_the_sessions_language()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA vous aide-t-elle ?", PollKind.Single, ["Oui", "Non"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, poll));
        await using var alice = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui contrôle les algorithmes ?"));

        // Without a voice, no button.
        var silent = await browser.JoinAsParticipant(created.JoinCode, "Bob", "sur place");
        await Expect(silent.Locator(".focus-card .poll")).ToBeVisibleAsync();
        await Expect(silent.Locator("button.listen")).ToHaveCountAsync(0);

        // With a (stubbed) French voice: what is spoken, and in which language.
        var page = await browser.NewPage(bypassCsp: true);
        await page.AddInitScriptAsync("""
            window.__spoken = [];
            const voices = [{ lang: 'fr-FR', name: 'Test', default: true, localService: true, voiceURI: 'test' }];
            window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } };
            Object.defineProperty(window, 'speechSynthesis', { value: {
              getVoices: () => voices, speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }),
              cancel: () => {}, addEventListener: () => {}, removeEventListener: () => {},
            } });
            """);
        await page.GotoAsync($"/join/{created.JoinCode}");
        await page.GetByLabel("Votre nom (facultatif)").FillAsync("Chloé");
        await page.GetByLabel("sur place", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await Expect(page.Locator("#live")).ToBeVisibleAsync();
        await page.Locator(".focus-card button.listen").ClickAsync();
        await page.Locator($"#questions li button.listen").First.ClickAsync();
        var spoken = System.Text.Json.JsonSerializer.Deserialize<Spoken[]>(await page.EvaluateAsync<string>("JSON.stringify(window.__spoken)"),
            Web)!;
        Assert.Equal([
            new Spoken("L'IA vous aide-t-elle ? Les choix : Oui ; Non.", "fr-FR", "fr-FR"),
            new Spoken("Qui contrôle les algorithmes ?", "fr-FR", "fr-FR"),
        ], spoken);
        var violations = await Axe.Violations(page);
        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Three_people_vote_in_turn_on_a_kiosk_undo_removes_the_last_and_a_revoked_kiosk_is_refused()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA à l'épicerie solidaire");
        var facilitatorPage = await browser.NewPage(bypassCsp: true);
        await facilitatorPage.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA, plutôt :", PollKind.Single, ["Une aide", "Une menace", "Les deux"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, poll));

        // The staff create the kiosk's link in Préparer → Partager; its key is shown once.
        await facilitatorPage.GetByRole(AriaRole.Button, new() { Name = "Préparer" }).ClickAsync();
        await facilitatorPage.GetByRole(AriaRole.Tab, new() { Name = "Partager" }).ClickAsync();
        await facilitatorPage.GetByLabel("Nom de la borne (facultatif)").FillAsync("Entrée");
        await facilitatorPage.GetByRole(AriaRole.Button, new() { Name = "Créer un lien de borne" }).ClickAsync();
        var link = facilitatorPage.Locator("#kiosk-links a");
        await Expect(link).ToBeVisibleAsync();
        var url = await link.GetAttributeAsync("href");
        Assert.Contains("/kiosk/", url, StringComparison.Ordinal);

        var kiosk = await browser.NewPage(bypassCsp: true);
        await kiosk.SetViewportSizeAsync(800, 1280);
        await kiosk.GotoAsync(url!);
        foreach (var answer in new[] { "Une aide", "Les deux", "Une aide" })
        {
            await kiosk.GetByRole(AriaRole.Button, new() { Name = answer }).ClickAsync();
            await Expect(kiosk.Locator(".kiosk-thanks")).ToBeVisibleAsync();
            await kiosk.GetByRole(AriaRole.Button, new() { Name = "Personne suivante" }).ClickAsync();
            await Expect(kiosk.Locator(".tap-ballot")).ToBeVisibleAsync();
        }
        await facilitator.WaitForState(s => s.Polls[poll].Results is { VotersOnsite: 3 } r && r.Onsite.SequenceEqual([2, 0, 1]) && r.VotersRemote == 0, "three on-site kiosk ballots");
        await kiosk.ScreenshotAsync(new() { Path = Artifacts.PathFor("kiosk-800x1280.png") });
        var violations = await Axe.Violations(kiosk);

        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Annuler le dernier vote" }).ClickAsync();
        await facilitator.WaitForState(s => s.Polls[poll].Results is { VotersOnsite: 2 } r && r.Onsite.SequenceEqual([1, 0, 1]), "the last turn undone");

        // A ranking takes turns too: the next person puts the options in order and sends them.
        var ranking = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Vos priorités :", PollKind.Ranking, ["Former", "Informer", "Protéger"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(ranking));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, ranking));
        await Expect(kiosk.Locator(".ranking-ballot")).ToBeVisibleAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Monter « Protéger » (actuellement 3)" }).ClickAsync();
        await kiosk.Locator(".ranking-ballot button[type=submit]").ClickAsync();
        await Expect(kiosk.Locator(".kiosk-thanks")).ToBeVisibleAsync();
        await facilitator.WaitForState(s => s.Polls[ranking].Results is { VotersOnsite: 1 } r && r.Scores!.All.SequenceEqual([2, 0, 1]), "the kiosk's ranking counted: Former, Protéger, Informer");

        // Revoked: the kiosk's page is closed, and opening its link again is refused.
        await facilitatorPage.GetByRole(AriaRole.Button, new() { Name = "Révoquer Entrée" }).ClickAsync();
        await Expect(facilitatorPage.Locator("#kiosk-links")).ToHaveCountAsync(0);
        var again = await browser.NewPage(bypassCsp: true);
        await again.GotoAsync(url!);
        await Expect(again.GetByText("votre lien n'est plus valable")).ToBeVisibleAsync();
        await Expect(again.Locator(".tap-ballot")).ToHaveCountAsync(0);

        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Easy_read_is_the_sessions_default_one_poll_per_screen_with_pictograms_and_plain_words()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA à la mairie");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var yesNo = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Utilisez-vous une IA ?", PollKind.Single, ["Oui", "Non", "Je ne sais pas"]))).PollId;
        var rating = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Ce café vous plaît ?", PollKind.Rating, ScaleMax: 5))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(yesNo));
        await facilitator.Invoke("OpenPoll", new PollRef(rating));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, yesNo));

        // The facilitator makes easy-read the session's default in Préparer → Réglages.
        var facilitatorPage = await browser.NewPage();
        await facilitatorPage.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await facilitatorPage.GetByRole(AriaRole.Button, new() { Name = "Préparer" }).ClickAsync();
        await facilitatorPage.GetByRole(AriaRole.Tab, new() { Name = "Réglages" }).ClickAsync();
        await facilitatorPage.GetByLabel("Lecture facile (FALC) par défaut sur les téléphones et les bornes").CheckAsync();
        await facilitator.WaitForState(s => s.EasyRead, "easy-read is the session's default");

        var phone = await browser.JoinAsParticipant(created.JoinCode, "Bernard", "sur place", bypassCsp: true);
        await phone.SetViewportSizeAsync(390, 844);
        await Expect(phone.Locator("html.easy-read")).ToBeAttachedAsync();
        await Expect(phone.Locator("#easy-read")).ToHaveAttributeAsync("aria-pressed", "true");
        // One poll per screen, the one on the room's screen first; larger type; the fr-facile texts.
        await Expect(phone.Locator("#easy-step")).ToHaveTextAsync("Question 1 sur 2");
        await Expect(phone.Locator(".tap-ballot")).ToHaveCountAsync(1);
        await Expect(phone.Locator(".tap-ballot h2")).ToHaveTextAsync("Utilisez-vous une IA ?");
        await Expect(phone.Locator(".tap-ballot .note")).ToHaveTextAsync("Touchez votre réponse.");
        Assert.Equal("20px", await phone.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize"));
        await Expect(phone.Locator(".tap-option svg.pictogram")).ToHaveCountAsync(3);
        await Expect(phone.Locator("[role=tablist]")).ToHaveCountAsync(0);

        await phone.GetByRole(AriaRole.Button, new() { Name = "Oui" }).ClickAsync();
        await Expect(phone.GetByText("Merci. Votre vote est compté.")).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Oui" })).ToHaveAttributeAsync("aria-pressed", "true");
        await facilitator.WaitForState(s => s.Polls[yesNo].Results is { VotersOnsite: 1 } r && r.Onsite.SequenceEqual([1, 0, 0]), "the tap counted as Bernard's vote");
        await phone.ScreenshotAsync(new() { Path = Artifacts.PathFor("easy-read-phone-390x844.png"), FullPage = true });
        var violations = await Axe.Violations(phone);
        // The larger type still fits the phone's width: nothing scrolls sideways.
        var scrollWidth = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var small = await Layout.SmallTargets(phone, 48);

        await phone.GetByRole(AriaRole.Button, new() { Name = "Question suivante" }).ClickAsync();
        await Expect(phone.Locator(".tap-ballot h2")).ToHaveTextAsync("Ce café vous plaît ?");
        await Expect(phone.Locator(".tap-option svg.pictogram")).ToHaveCountAsync(5);
        await phone.GetByRole(AriaRole.Button, new() { Name = "4" }).ClickAsync();
        await facilitator.WaitForState(s => s.Polls[rating].Results is { VotersOnsite: 1 } r && r.Onsite[3] == 1, "the rating of 4 counted");
        await phone.ScreenshotAsync(new() { Path = Artifacts.PathFor("easy-read-rating-390x844.png"), FullPage = true });

        // Asking is a screen of its own.
        await phone.GetByRole(AriaRole.Button, new() { Name = "Poser une question" }).ClickAsync();
        await phone.GetByLabel("Votre question").FillAsync("Est-ce que l'IA remplace les agents ?");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(phone.GetByText("Votre question est envoyée.")).ToBeVisibleAsync();
        await Expect(phone.Locator(".tap-ballot")).ToHaveCountAsync(0);

        // The reader switches it off: the usual page, the usual words; the choice is theirs from now on.
        await phone.Locator("#easy-read").ClickAsync();
        await Expect(phone.Locator("html.easy-read")).ToHaveCountAsync(0);
        await Expect(phone.Locator("[role=tablist]")).ToBeVisibleAsync();
        await Expect(phone.GetByText("Votre question est envoyée.")).ToHaveCountAsync(0);

        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide on a 390 px phone");
        Assert.True(small.Count == 0, string.Join("; ", small));
    }

    public sealed record Spoken(string Text, string Lang, string? Voice);
}
