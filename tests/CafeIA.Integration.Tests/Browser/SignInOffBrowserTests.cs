using CafeIA.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>With Auth:Oidc unset (the default), the home page offers no sign-in, and /orgs says sign-in is off.</summary>
public sealed class SignInOffBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Without_a_provider_the_home_page_shows_no_sign_in()
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        // The page has asked GET /api/me and heard 404: only then is "no sign-in" a fact, not a race.
        await Expect(page.Locator("body[data-signin=off]")).ToBeAttachedAsync();
        await Expect(page.Locator("#create-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#team")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Se connecter")).ToHaveCountAsync(0);
        await Expect(page.Locator("a[href^='/auth/'], a[href^='/orgs']")).ToHaveCountAsync(0);

        await page.GotoAsync("/orgs");
        await Expect(page.GetByText("La connexion n'est pas activée ici.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Se connecter")).ToHaveCountAsync(0);
    }
}
