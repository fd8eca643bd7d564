using Microsoft.Playwright;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// Chromium and a gateway whose facilitators sign in with the in-process <see cref="TestIdentityProvider"/>:
/// a browser goes through the real OpenID Connect redirects, and the provider signs in whoever
/// <see cref="AtTheKeyboard"/> names (it has no login form).
/// </summary>
public sealed class SignInBrowserFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private TestIdentityProvider _provider = null!;
    private GatewayHost _gateway = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public Uri BaseAddress => _gateway.BaseAddress;

    public async Task InitializeAsync()
    {
        _provider = await TestIdentityProvider.Start();
        _gateway = await GatewayHost.StartEmbedded(_data.Path, ["--Limits:FailedJoinsPerMinutePerAddress=100000", "--Map:TileUrl=", .. _provider.GatewayArgs]);
        // The gateway's first challenge fetches the provider's discovery document and keys: with other
        // test classes running beside it, that took 9 to over 15 seconds (a browser click's timeout).
        // Once here, before any page: a redirect to the provider's authorization endpoint means it is loaded.
        using (var warmUp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(1) })
        {
            var challenge = await warmUp.GetAsync(new Uri("/auth/signin", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, challenge.StatusCode);
            Assert.StartsWith(_provider.Authority.ToString(), challenge.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.Launch(_playwright);
    }

    /// <summary>The person the provider signs in on the next trip through it.</summary>
    public void AtTheKeyboard(string subject, string name) => _provider.SignInAs(subject, name);

    /// <summary>A fresh browser profile (own cookies and storage): one person on one device, whose browser speaks <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPage(int width, int height, string locale = "fr-FR")
    {
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), Locale = locale, BypassCSP = true, ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }
}
