using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>French by default, English from the browser or the switch; the projector speaks the session's language.</summary>
public sealed class LanguageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Pages_follow_the_browser_language_and_switch_on_request()
    {
        var english = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = "en-GB" });
        var page = await english.NewPageAsync();
        await page.GotoAsync("/join/ABC234");
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        var body = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Rejoindre", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Votre nom", body, StringComparison.Ordinal);

        await page.Locator("button.lang-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("#join")).ToHaveTextAsync("Rejoindre");
        Assert.EndsWith("/join/ABC234", page.Url, StringComparison.Ordinal);

        var french = await browser.NewPage();
        await french.GotoAsync("/");
        Assert.Equal("fr", await french.EvaluateAsync<string>("document.documentElement.lang"));
        await english.DisposeAsync();
    }

    [Fact]
    public async Task The_projector_speaks_the_language_of_the_session()
    {
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var created = await (await http.PostAsJsonAsync("/api/sessions", new { title = "AI café", language = "en" })).Content.ReadFromJsonAsync<JsonElement>();
        var projector = await browser.NewPage();
        await projector.GotoAsync($"/screen/{created.GetProperty("joinCode").GetString()}#key={created.GetProperty("projectorKey").GetString()}");
        await Expect(projector.Locator(".join-view h1")).ToHaveTextAsync("AI café");
        await Expect(projector.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(projector.Locator(".join-view")).ToContainTextAsync("Take part from your phone at");
    }
}
