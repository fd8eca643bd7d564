using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The public map of cafés in Chromium: published cafés are listed (and placed on the map when
/// they have coordinates), the format filter narrows the list, registration shows the link, and
/// the list view passes axe-core. No tile is downloaded: the test gateway has no tile server and
/// the page must not reach any other host.
/// </summary>
public sealed class CafeMapBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_map_lists_published_cafes_filters_by_format_and_its_list_passes_axe()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cafes = new (string Title, CafeFormat Format, double? Lat, double? Lon)[]
        {
            ($"Café IA Lille {suffix}", CafeFormat.Onsite, 50.6292, 3.0573),
            ($"Café IA en ligne {suffix}", CafeFormat.Remote, null, null),
            ($"Café IA Marseille {suffix}", CafeFormat.Hybrid, 43.2965, 5.3698),
        };
        var facilitators = new List<CafeClient>();
        foreach (var (title, format, lat, lon) in cafes)
        {
            var created = await CafeClient.CreateSession(browser.BaseAddress, title);
            var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            facilitators.Add(facilitator);
            await facilitator.Invoke("PublishCafe", new CafeListingRequest(format == CafeFormat.Remote ? "En ligne" : title.Split(' ')[2], DateTimeOffset.UtcNow.AddDays(2), format, "Réseau Café IA", lat, lon, Capacity: 2));
        }
        await CafeClient.CreateSession(browser.BaseAddress, $"Café IA privé {suffix}"); // never published
        // The map follows each session one-way, just after the publish is stored: wait until it lists all three.
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var listed = await Eventually.Get(async () => (await http.GetFromJsonAsync<JsonElement>("/api/cafes")).GetProperty("cafes").EnumerateArray().ToList(),
            all => cafes.All(c => all.Any(l => l.GetProperty("title").GetString() == c.Title)), "the three cafés on the map");
        // Every café of the map that has coordinates gets a marker, and only those (not the one online).
        static bool Placed(JsonElement l) => l.TryGetProperty("latitude", out var lat) && lat.ValueKind == JsonValueKind.Number;
        var withCoordinates = listed.Count(Placed); // other tests of this gateway publish cafés too
        Assert.Equal(2, listed.Where(l => l.GetProperty("title").GetString()!.EndsWith(suffix, StringComparison.Ordinal)).Count(Placed)); // Lille and Marseille; the café online has none

        var page = await browser.NewPage(bypassCsp: true);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        await page.GotoAsync("/cafes");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        var list = page.Locator("#cafes");
        foreach (var (title, _, _, _) in cafes)
        {
            await Expect(list.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        }
        await Expect(list.GetByText($"Café IA privé {suffix}")).ToHaveCountAsync(0);
        // The cafés with coordinates are on the map, as vector markers (Expect waits for them); none for the café online.
        await Expect(page.Locator("#map path.marker")).ToHaveCountAsync(withCoordinates);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Hybride" }).CheckAsync();
        await Expect(list.GetByRole(AriaRole.Heading, new() { Name = cafes[2].Title })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Heading, new() { Name = cafes[0].Title })).ToHaveCountAsync(0);
        await Expect(list.GetByRole(AriaRole.Heading, new() { Name = cafes[1].Title })).ToHaveCountAsync(0);
        Assert.All(await list.Locator("article").AllAsync(), a => Assert.Equal("hybrid", a.GetAttributeAsync("data-format").Result));

        // Register for the hybrid café: the page gives the link that joins it.
        var card = list.Locator("article").Filter(new() { HasText = cafes[2].Title });
        await card.GetByLabel("Votre prénom ou pseudo (facultatif)").FillAsync("Zoé");
        await card.GetByRole(AriaRole.Button, new() { Name = "S'inscrire" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Votre lien pour le café" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/join/[A-Z0-9]{6}\\?name=Zo%C3%A9$"));
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Ajouter à mon agenda (.ics)" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/cafes/[0-9a-f-]{36}/invite\\.ics$"));

        await page.GetByRole(AriaRole.Radio, new() { Name = "Tous" }).First.CheckAsync();
        var violations = await Axe.Violations(page, "#list-section");
        violations.AddRange(await Axe.Violations(page, "#filters"));
        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }
        Assert.Empty(violations);
        Assert.Empty(elsewhere);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("cafe-map.png"), FullPage = true });
        // With no tile server the map still shows where things are: France's outline and its neighbours, drawn from the page's own data.
        await Expect(page.Locator("#map path.basemap-france[data-country='250']")).ToBeAttachedAsync();
        Assert.True(await page.Locator("#map path.basemap-country").CountAsync() >= 10, "France's neighbours are drawn too");
        var france = await page.Locator("#map path.basemap-france").BoundingBoxAsync();
        Assert.True(france is { Width: > 100, Height: > 100 }, $"France is drawn at a readable size, not a dot: {france?.Width}×{france?.Height}");
        await page.Locator("#map").ScreenshotAsync(new() { Path = Artifacts.PathFor("cafe-map-basemap.png") });
        foreach (var facilitator in facilitators)
        {
            await facilitator.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_facilitator_places_the_cafe_by_clicking_the_map_and_it_is_published_there()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, $"Café IA à placer {Guid.NewGuid().ToString("N")[..6]}");
        var page = await browser.NewPage(bypassCsp: true);
        await page.GotoAsync($"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Carte" }).ClickAsync();
        var picker = page.Locator("#place-picker");
        // The picker draws the built-in basemap (the test gateway has no tile server), France included.
        await Expect(picker.Locator("path.basemap-france")).ToBeAttachedAsync();
        // The coordinates are an advanced option now, folded away: the map is how one places a café.
        await Expect(page.Locator("#map-lat")).Not.ToBeVisibleAsync();

        // The picker opens on France (46.6° N, 2.4° E at zoom 5: 8,192 px for 360°). Click 40 px east of its
        // centre: Leaflet turns the point into coordinates, about 1.76° further east, which fill the form.
        var box = await picker.BoundingBoxAsync();
        Assert.NotNull(box);
        await picker.ClickAsync(new() { Position = new() { X = box.Width / 2 + 40, Y = box.Height / 2 } });
        await Expect(page.Locator("#map-placed")).ToBeVisibleAsync();
        var lat = double.Parse(await page.Locator("#map-lat").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var lon = double.Parse(await page.Locator("#map-lon").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lat, 46.4, 46.8);
        Assert.InRange(lon, 2.4 + 1.76 - 0.2, 2.4 + 1.76 + 0.2);
        await Expect(picker.Locator("path.marker")).ToHaveCountAsync(1);
        await page.Locator("#map-place").FillAsync("Médiathèque");
        await page.Locator("#map-starts").FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("cafe-map-place-picker.png"), FullPage = true });
        await page.Locator("#map-form button[type=submit]").ClickAsync();

        // The café is published at the point clicked.
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var listed = await Eventually.Get(async () => (await http.GetFromJsonAsync<JsonElement>("/api/cafes")).GetProperty("cafes").EnumerateArray()
                .FirstOrDefault(c => c.GetProperty("joinCode").GetString() == created.JoinCode),
            c => c.ValueKind == JsonValueKind.Object, "the café placed on the map");
        Assert.Equal(lat, listed.GetProperty("latitude").GetDouble(), 5);
        Assert.Equal(lon, listed.GetProperty("longitude").GetDouble(), 5);
    }
}
