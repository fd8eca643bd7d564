using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The report page of a scripted café shows the session's figures (attendance, questions, each
/// poll's split table), prints without its buttons, and passes axe-core.
/// </summary>
public sealed class ReportBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_cafe_without_polls_says_so_under_its_polls_heading()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café sans sondage");
        var page = await browser.NewPage();
        await page.GotoAsync($"/report/{created.JoinCode}#key={Uri.EscapeDataString(created.FacilitatorKey)}");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await Expect(page.Locator("#no-polls")).ToHaveTextAsync("Aucun sondage.");
        await Expect(page.Locator("#polls")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_report_page_shows_the_sessions_figures_and_prints_cleanly()
    {
        await using var cafe = await ScriptedCafe.Play(browser.BaseAddress);
        var snapshot = await cafe.Facilitator.Snapshot();
        var page = await browser.NewPage(bypassCsp: true);
        await page.GotoAsync($"/report/{cafe.Created.JoinCode}#key={Uri.EscapeDataString(cafe.Created.FacilitatorKey)}");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();

        await Expect(page.Locator("#attendance [data-figure='Participants sur place']")).ToHaveTextAsync("2");
        await Expect(page.Locator("#attendance [data-figure='Participants à distance']")).ToHaveTextAsync("1");
        await Expect(page.Locator("#question-figures [data-figure='Questions posées']")).ToHaveTextAsync("3");
        await Expect(page.Locator("#question-figures [data-figure='Questions traitées']")).ToHaveTextAsync("1");
        await Expect(page.Locator("#questions li")).ToHaveCountAsync(2);
        foreach (var poll in snapshot.Polls.Where(p => p.Kind is Wire.PollKind.Single or Wire.PollKind.Rating))
        {
            var rows = page.Locator($"[data-poll='{poll.Id}'] table.split-table tbody tr");
            await Expect(rows).ToHaveCountAsync(poll.Results!.Counts.Length);
            for (var i = 0; i < poll.Results.Counts.Length; i++)
            {
                var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
                Assert.Equal([.. new[] { poll.Results.Counts[i], poll.Results.Onsite[i], poll.Results.Remote[i] }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], cells);
            }
        }
        await Expect(page.Locator("#turns tbody tr")).ToHaveCountAsync(1);

        var violations = await Axe.Violations(page);
        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }
        Assert.Empty(violations);

        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("report.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#print")).ToBeHiddenAsync();
        await Expect(page.Locator("#polls")).ToBeVisibleAsync();
        var pdf = Artifacts.PathFor("report.pdf");
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });

        // A4, with margins: no word within 12 mm of a page's edge (the stylesheet asks for 16–18 mm).
        var info = Pdf.Run("pdfinfo", $"\"{pdf}\"");
        Assert.Contains(info.Split('\n'), l => l.StartsWith("Page size:", StringComparison.Ordinal) && l.Contains("(A4)", StringComparison.Ordinal));
        var pages = Pdf.Pages(pdf);
        const double margin = 12 / 25.4 * 72;
        foreach (var word in pages.SelectMany(p => p.Words))
        {
            var sheet = pages[word.Page - 1];
            Assert.True(word.XMin >= margin && word.YMin >= margin && word.XMax <= sheet.Width - margin && word.YMax <= sheet.Height - margin,
                $"'{word.Text}' on page {word.Page} sits at [{word.XMin:0},{word.YMin:0} – {word.XMax:0},{word.YMax:0}] of {sheet.Width:0}×{sheet.Height:0} pt");
        }
        // No poll cut in two: its question and the last row of its table print on the same page.
        foreach (var poll in snapshot.Polls.Where(p => p.Kind is Wire.PollKind.Single or Wire.PollKind.Rating))
        {
            var lastLabel = (await page.Locator($"[data-poll='{poll.Id}'] table.split-table tbody tr").Last.Locator("th, td").First.InnerTextAsync()).Trim();
            var questionPages = Pdf.PagesOf(pages, poll.Question).ToList();
            Assert.Single(questionPages);
            var after = pages.Skip(questionPages[0] - 1).Take(2).ToList();
            Assert.Equal(questionPages[0], Pdf.PagesOf(after, lastLabel).First());
        }
        // The first page, kept to be looked at (report-page1-1.png).
        Pdf.Run("pdftoppm", $"-png -r 60 -f 1 -l 1 \"{pdf}\" \"{Artifacts.PathFor("report-page1")}\"");
        output.WriteLine($"report: {pages.Count} A4 pages");
    }
}
