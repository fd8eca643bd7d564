using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The catalogue of formats in Chromium: a published format is found by its words, its page shows
/// the agenda and the history of its versions, both pass axe-core, and "create my café" makes a
/// draft café with the format's agenda and opens Préparer.
/// </summary>
public sealed class FormatBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_catalogue_finds_a_format_its_page_shows_agenda_and_versions_and_a_cafe_is_created_from_it()
    {
        var word = $"deepfakes{Guid.NewGuid().ToString("N")[..6]}";
        var created = await CafeClient.CreateSession(browser.BaseAddress, $"Débat {word}");
        await using (var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey)))
        {
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Une vidéo truquée, vous la reconnaîtriez ?", PollKind.Single, ["oui", "non", "je ne sais pas"]))).PollId;
            await facilitator.Invoke("SetSessionDetails", new { description = "Un débat d'une heure en médiathèque sur les images truquées.", audience = "Grand public" });
            await facilitator.Invoke("SetAgenda", new SetAgendaRequest([
                new ActivityDefinition("accueil", AgendaActivityKind.Text, "Accueil", 5, Notes: "Montrer deux vidéos, une vraie, une fausse"),
                new ActivityDefinition("vote", AgendaActivityKind.Poll, "Le test", 10, PollId: poll, OpenOnStart: true, ShowTimer: true),
                new ActivityDefinition("parole", AgendaActivityKind.Speaking, "Tour de parole", 30),
            ]));
        }
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        async Task Publish()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/formats") { Content = JsonContent.Create(new { joinCode = created.JoinCode }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", created.FacilitatorKey);
            var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        await Publish();
        await Publish(); // a second version

        var page = await browser.NewPage(bypassCsp: true);
        await page.GotoAsync("/formats");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await page.GetByLabel("Mots-clés").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        var card = page.Locator("#formats article");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = $"Débat {word}" })).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("3 activités");
        await Audit(page, "catalogue");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("formats-catalogue.png"), FullPage = true });

        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Débat {word}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".format-agenda li")).ToHaveCountAsync(3);
        await Expect(page.Locator(".format-agenda")).ToContainTextAsync("Une vidéo truquée, vous la reconnaîtriez ?");
        await Expect(page.Locator(".format-history li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".format-history [aria-current=page]")).ToContainTextAsync("Version 2");
        await Audit(page, "format page");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("format-page.png"), FullPage = true });

        // The first version is still there, and its page says which one it shows.
        await page.Locator(".format-history a").First.ClickAsync();
        await Expect(page.Locator(".format-history [aria-current=page]")).ToContainTextAsync("Version 1");

        // Run it: a draft café with the format's agenda, opened in Préparer.
        await page.Locator("#run-title").FillAsync($"Débat {word} à Lille");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon café" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/facilitate/[A-Z0-9]{6}"));
        var joinCode = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var key = new Uri(page.Url).Fragment.Split("key=")[1];
        await using var copy = await CafeClient.Join(browser.BaseAddress, joinCode, new JoinOptions(Key: key));
        var snapshot = await copy.Snapshot();
        Assert.Equal(["Accueil", "Le test", "Tour de parole"], snapshot.Agenda!.Select(a => a.Title));
        Assert.Equal($"Débat {word} à Lille", snapshot.Title);
        // Its report's cover names the format it came from and carries the format's summary.
        using (var reportRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{joinCode}/report"))
        {
            reportRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var cover = (await (await http.SendAsync(reportRequest)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cover");
            Assert.Equal(1, cover.GetProperty("format").GetProperty("version").GetInt32());
            Assert.StartsWith("f", cover.GetProperty("format").GetProperty("formatId").GetString(), StringComparison.Ordinal);
            Assert.Equal("Un débat d'une heure en médiathèque sur les images truquées.", cover.GetProperty("summary").GetString());
        }

        // Préparer edits that agenda: the first activity moved down, a break added, saved whole.
        var editor = page.Locator(".agenda-editor");
        await Expect(editor.Locator(".agenda-item")).ToHaveCountAsync(3);
        await editor.Locator(".agenda-item").First.GetByRole(AriaRole.Button, new() { Name = "Descendre" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ajouter une activité" }).ClickAsync();
        var added = editor.Locator(".agenda-item").Last;
        await added.GetByLabel("Type").SelectOptionAsync("break");
        await added.GetByLabel("Titre").FillAsync("Pause café");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("prepare-agenda-editor.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le déroulé" }).ClickAsync();
        await Expect(editor.GetByText("Déroulé enregistré.")).ToBeVisibleAsync();
        var edited = await copy.Snapshot();
        Assert.Equal(["Le test", "Accueil", "Tour de parole", "Pause café"], edited.Agenda!.Select(a => a.Title));
        Assert.Equal(AgendaActivityKind.Break, edited.Agenda![3].Kind);
        await Audit(page, "Préparer, agenda");
    }

    private async Task Audit(IPage page, string what)
    {
        var violations = await Axe.Violations(page);
        foreach (var violation in violations)
        {
            output.WriteLine($"[{what}] {violation}");
        }
        Assert.Empty(violations);
    }
}
