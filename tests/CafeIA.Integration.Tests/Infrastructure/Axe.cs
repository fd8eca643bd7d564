using System.Text.Json;
using Microsoft.Playwright;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>axe-core (installed by the front end's npm ci) run in a page: its WCAG 2.1 A/AA violations.</summary>
internal static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <param name="scope">A CSS selector to audit only part of the page; null for the whole document.</param>
    public static async Task<List<string>> Violations(IPage page, string? scope = null)
    {
        await page.AddScriptTagAsync(new() { Path = ScriptPath() });
        var json = await page.EvaluateAsync<JsonElement>(
            "async ([tags, scope]) => (await axe.run(scope ? document.querySelector(scope) : document, { runOnly: { type: 'tag', values: tags } })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))",
            new object?[] { Tags, scope });
        return [.. json.EnumerateArray().Select(v =>
            $"{page.Url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    private static string ScriptPath() => Path.Combine(Repository.Root, "Web", "node_modules", "axe-core", "axe.min.js");
}
