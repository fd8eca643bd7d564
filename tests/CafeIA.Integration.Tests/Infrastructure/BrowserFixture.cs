using Microsoft.Playwright;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by Playwright (its bundled driver; no browser download),
/// with an embedded gateway to browse. Flags keep Chromium off the network it cannot reach here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    // No map tiles: the map page must work (and be tested) without downloading any.
    private readonly EmbeddedGatewayFixture _gateway = new() { ExtraArgs = ["--Map:TileUrl="] };
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress => _gateway.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: run ./test.sh, which installs Debian's chromium.");
        }
        await _gateway.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Launch(_playwright);
    }

    /// <summary>Debian's Chromium, headless, kept off the network it cannot reach here.</summary>
    internal static async Task<IBrowser> Launch(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: run ./test.sh, which installs Debian's chromium.");
        }
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (own localStorage): one person on one device.</summary>
    /// <param name="bypassCsp">Only to inject a test tool (axe-core) into a page; the policy itself is tested elsewhere.</param>
    public async Task<IPage> NewPage(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "fr-FR", BypassCSP = bypassCsp });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A participant page, joined with a name and a mode ("sur place" or "à distance").</summary>
    public async Task<IPage> JoinAsParticipant(string code, string name, string mode, bool bypassCsp = false)
    {
        var page = await NewPage(bypassCsp);
        await page.GotoAsync($"/join/{code}");
        await page.GetByLabel("Votre nom (facultatif)").FillAsync(name);
        await page.GetByLabel(mode, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync();
        await Assertions.Expect(page.Locator("#live")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _gateway.DisposeAsync();
    }
}
