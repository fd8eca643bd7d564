using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// Every page of a realistic café at 320×640, 360×740, 390×844, 1366×768, 1920×1080 and 1280×720, in
/// French and English, left in TestResults/artifacts/tour/ for people to look at. Each picture
/// is taken once the page shows its content, and no page may scroll sideways at any size.
/// </summary>
public sealed class ScreenshotTourBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly (int Width, int Height)[] Sizes = [(320, 640), (360, 740), (390, 844), (1366, 768), (1920, 1080), (1280, 720)];

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_page_at_every_size(string lang)
    {
        await using var cafe = await ScriptedCafe.Play(browser.BaseAddress);
        var created = cafe.Created;
        await cafe.Facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, cafe.Polls[0]));
        var q = $"?lang={lang}";
        var pages = new (string Name, string Path, string Ready)[]
        {
            ("home", $"/{q}", "#create-form"),
            ("join", $"/join/{created.JoinCode}{q}", "#join"),
            ("participant", $"/join/{created.JoinCode}{q}", "#live"),
            ("animer", $"/facilitate/{created.JoinCode}{q}#key={created.FacilitatorKey}", "main.animer"),
            ("preparer", $"/facilitate/{created.JoinCode}{q}#key={created.FacilitatorKey}", "main.prepare"),
            ("moderator", $"/moderate/{created.JoinCode}{q}#key={created.ModeratorKey}", "#console"),
            ("projector", $"/screen/{created.JoinCode}{q}#key={created.ProjectorKey}", ".activity-view .bars"),
            ("cafes", $"/cafes{q}", "body[data-ready=true]"),
            ("report", $"/report/{created.JoinCode}{q}#key={created.FacilitatorKey}", "h1"),
        };
        var sideways = new List<string>();
        foreach (var (name, path, ready) in pages)
        {
            var page = await browser.NewPage();
            await page.GotoAsync(path);
            if (name == "participant")
            {
                await page.Locator("#join").ClickAsync();
            }
            if (name == "preparer")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = lang == "fr" ? "Préparer" : "Prepare" }).ClickAsync();
            }
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            foreach (var (width, height) in Sizes)
            {
                await page.SetViewportSizeAsync(width, height);
                // Two frames: the layout (and the projector's fitting) follows the new size.
                await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"tour/{name}-{width}x{height}-{lang}.png") });
                var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, innerWidth]");
                if (widths[0] > widths[1])
                {
                    sideways.Add($"{name} at {width}×{height} ({lang}) is {widths[0]} px wide");
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.Empty(sideways);
    }
}
