using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// English pages are English from their first paint: the served HTML, read with the script
/// blocked, holds no French (and says lang="en"); once drawn, no French sentence of the pages'
/// dictionary shows either.
/// </summary>
public sealed partial class FirstPaintBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task English_pages_contain_no_French_at_first_paint_nor_once_drawn()
    {
        // An English session: the projector speaks its session's language.
        using var api = new HttpClient { BaseAddress = browser.BaseAddress };
        var created = (await (await api.PostAsJsonAsync("/api/sessions", new { title = "AI café", language = "en" })).Content.ReadFromJsonAsync<SessionCreated>())!;
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var french = FrenchOnlySentences();
        Assert.True(french.Count > 100, $"the French dictionary was read ({french.Count} sentences)");
        var pages = new[]
        {
            "/", $"/join/{created.JoinCode}", $"/facilitate/{created.JoinCode}#key={created.FacilitatorKey}",
            $"/moderate/{created.JoinCode}#key={created.ModeratorKey}", $"/screen/{created.JoinCode}#key={created.ProjectorKey}",
            "/cafes", $"/report/{created.JoinCode}#key={created.FacilitatorKey}",
        };
        var problems = new List<string>();

        // The script blocked: what the server sent is all that paints.
        await using (var blocked = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = "en-GB", JavaScriptEnabled = false }))
        {
            var page = await blocked.NewPageAsync();
            foreach (var path in pages)
            {
                await page.GotoAsync(path);
                var lang = await page.EvaluateAsync<string>("document.documentElement.lang");
                if (lang != "en")
                {
                    problems.Add($"{path}: served with lang=\"{lang}\"");
                }
                var shown = await page.EvaluateAsync<string>("document.title + '\\n' + document.body.innerText");
                problems.AddRange(french.Where(f => shown.Contains(f, StringComparison.Ordinal)).Select(f => $"{path} without script shows \"{f}\""));
            }
        }

        // The raw HTML, as any client receives it in English.
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        foreach (var path in pages)
        {
            var html = await http.GetStringAsync(path.Split('#')[0]);
            var text = Tags().Replace(html, " ");
            problems.AddRange(french.Where(f => text.Contains(f, StringComparison.Ordinal)).Select(f => $"{path} serves \"{f}\""));
        }

        // Drawn by the script, in English.
        await using (var english = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = "en-GB" }))
        {
            var page = await english.NewPageAsync();
            foreach (var path in pages)
            {
                await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                await page.Locator("h1").First.WaitForAsync();
                var shown = await page.EvaluateAsync<string>("document.title + '\\n' + document.body.innerText");
                problems.AddRange(french.Where(f => shown.Contains(f, StringComparison.Ordinal)).Select(f => $"{path} once drawn shows \"{f}\""));
            }
        }
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Empty(problems);
    }

    /// <summary>Sentences of Web/src/i18n/fr.ts that its English twin says differently (at least two words).</summary>
    private static List<string> FrenchOnlySentences()
    {
        static Dictionary<string, string> Read(string file) =>
            Entry().Matches(File.ReadAllText(Path.Combine(Repository.Root, "Web", "src", "i18n", file)))
                .ToDictionary(m => m.Groups["key"].Value, m => Regex.Unescape(m.Groups["value"].Value));
        var fr = Read("fr.ts");
        var en = Read("en.ts");
        return [.. fr.Where(p => en.TryGetValue(p.Key, out var e) && e != p.Value)
            .Select(p => Placeholder().Split(p.Value).OrderByDescending(part => part.Length).First().Trim())
            .Where(v => v.Contains(' ') && v.Length >= 8)
            .Distinct()];
    }

    [GeneratedRegex("^\\s*\"(?<key>[^\"]+)\":\\s*\"(?<value>(?:[^\"\\\\]|\\\\.)*)\",?\\s*$", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex("\\{\\w+\\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
