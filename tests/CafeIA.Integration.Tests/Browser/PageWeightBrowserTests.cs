using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// A page's first load as a phone or the projector's laptop receives it: every response
/// Chromium downloads until the page is drawn (HTML, scripts, styles, the dictionary of its
/// language, its API reads and images), counted as encoded (compressed) bytes on the wire.
/// The hub's WebSocket is traffic, not weight.
/// </summary>
public sealed partial class PageWeightBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int ParticipantBudget = 60 * 1024;
    private const int ProjectorBudget = 120 * 1024;

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    public async Task The_participant_page_first_load_weighs_at_most_60_KB_compressed(string locale)
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA léger");
        var (total, files) = await FirstLoad($"/join/{created.JoinCode}", locale, "#join");
        Console.WriteLine($"[weight] participant page ({locale}) first load: {total} B compressed ({string.Join("; ", files)})");
        Assert.True(files.Count >= 4, "the page's HTML, script, style and dictionary were counted");
        Assert.True(total <= ParticipantBudget, $"{total} B > {ParticipantBudget} B: {string.Join("; ", files)}");
    }

    [Fact]
    public async Task The_projector_first_load_weighs_at_most_120_KB_compressed()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA à l'écran");
        var (total, files) = await FirstLoad($"/screen/{created.JoinCode}#key={created.ProjectorKey}", "fr-FR", ".join-view .join-qr", until: "qr.svg");
        Console.WriteLine($"[weight] projector first load: {total} B compressed ({string.Join("; ", files)})");
        Assert.Contains(files, f => f.Contains("qr.svg", StringComparison.Ordinal));
        Assert.True(total <= ProjectorBudget, $"{total} B > {ProjectorBudget} B: {string.Join("; ", files)}");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_pages_are_revalidated()
    {
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var html = await http.GetStringAsync("/");
        var asset = AssetReferences().Match(html).Groups["path"].Value;
        var response = await http.GetAsync(asset);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365));
        Assert.True((await http.GetAsync("/")).Headers.CacheControl!.NoCache);
        Assert.True((await http.GetAsync("/join/ABC234")).Headers.CacheControl!.NoCache);
    }

    private async Task<(long Total, List<string> Files)> FirstLoad(string path, string locale, string drawn, string? until = null)
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        var finished = new List<Microsoft.Playwright.IRequest>();
        page.RequestFinished += (_, request) => { lock (finished) { finished.Add(request); } };
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator(drawn).First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A drawn image's request may be reported finished a moment after it shows: wait for it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<Microsoft.Playwright.IRequest> requests;
        while (true)
        {
            lock (finished) { requests = [.. finished]; }
            if (until is null || requests.Any(r => r.Url.Contains(until, StringComparison.Ordinal)) || DateTime.UtcNow > deadline) break;
            await Task.Delay(50);
        }
        long total = 0;
        var files = new List<string>();
        foreach (var request in requests.Where(r => !new Uri(r.Url).AbsolutePath.StartsWith("/hubs/", StringComparison.Ordinal)))
        {
            var sizes = await request.SizesAsync();
            var bytes = sizes.ResponseBodySize;
            total += bytes;
            files.Add($"{new Uri(request.Url).PathAndQuery} {bytes} B");
        }
        return (total, files);
    }

    [GeneratedRegex("(?:src|href)=\"(?<path>/assets/[^\"]+)\"")]
    private static partial Regex AssetReferences();
}
