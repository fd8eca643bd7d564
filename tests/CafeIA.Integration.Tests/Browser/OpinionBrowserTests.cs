using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The opinion map in the browser (issue 17): the projector draws the server's map (one dot per
/// clustered participant, the groups labelled, what everyone shares) and a phone votes one
/// statement at a time, then is told its group. Screenshots at projector and phone sizes.
/// </summary>
public sealed class OpinionBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_projector_draws_the_live_map_and_a_phone_votes_statement_by_statement_then_sees_its_group()
    {
        await using var cafe = await PlantedOpinionCafe.Play(browser.BaseAddress);
        var (staff, mine) = await cafe.SettledMap();
        await cafe.Facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Opinion, OpinionId: cafe.OpinionId));

        var screen = await browser.NewPage(bypassCsp: true);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen/{cafe.Created.JoinCode}#key={cafe.Created.ProjectorKey}");
        await Expect(screen.Locator($".opinion-view[data-opinion='{cafe.OpinionId}']")).ToBeVisibleAsync();
        await Expect(screen.Locator(".opinion-map .dot")).ToHaveCountAsync(staff.Map!.Length);
        await Expect(screen.Locator(".opinion-map rect.dot.remote")).ToHaveCountAsync(staff.Map.Count(d => d.Mode == ParticipantMode.Remote));
        await Expect(screen.Locator(".opinion-map .group-label")).ToHaveCountAsync(staff.Groups.Length);
        await Expect(screen.Locator(".opinion-groups > li")).ToHaveCountAsync(staff.Groups.Length);
        await Expect(screen.Locator(".opinion-consensus li").First).ToHaveTextAsync(PlantedOpinionCafe.Consensus);
        // The table alternative, for screen readers: one row per group with its size.
        var rows = screen.Locator(".opinion-view table tbody tr");
        await Expect(rows).ToHaveCountAsync(staff.Groups.Length);
        Assert.Equal(staff.Groups.Select(g => g.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await screen.Locator(".opinion-view table tbody tr td:nth-of-type(1)").AllInnerTextsAsync());
        var fit = await Layout.FitProblemsSettled(screen);
        await screen.ScreenshotAsync(new() { Path = Artifacts.PathFor("opinion-projector-1920x1080.png") });
        var screenViolations = await Axe.Violations(screen);

        // A phone joins late: the server hands it one statement at a time; it votes like group 0.
        var phone = await browser.JoinAsParticipant(cafe.Created.JoinCode, "Dominique", "sur place", bypassCsp: true);
        await phone.SetViewportSizeAsync(390, 844);
        var texts = staff.Statements.ToDictionary(s => s.Text, s => s.Id);
        await Expect(phone.Locator(".focus-card .statement-now")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Artifacts.PathFor("opinion-phone-statement-390x844.png") });
        var phoneViolations = await Axe.Violations(phone);
        for (var voted = 0; voted < staff.Statements.Length; voted++)
        {
            var text = await phone.Locator(".focus-card .statement-text").InnerTextAsync();
            var vote = PlantedOpinionCafe.Planted(0, cafe.Blocks[texts[text]]);
            var label = vote switch { StatementVote.Agree => "D'accord", StatementVote.Disagree => "Pas d'accord", _ => "Je passe" };
            await phone.Locator(".focus-card .statement-now .stances").GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
            await Expect(phone.Locator("#opinion-progress")).ToContainTextAsync($"Votre avis : {voted + 1} sur ");
        }
        await Expect(phone.Locator("#all-voted")).ToBeVisibleAsync();
        var groupZero = mine[cafe.Participants.FindIndex(p => p.Group == 0)].Me!.Group;
        await Expect(phone.Locator("#your-group")).ToHaveAttributeAsync("data-group", groupZero.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await phone.ScreenshotAsync(new() { Path = Artifacts.PathFor("opinion-phone-group-390x844.png"), FullPage = true });
        phoneViolations.AddRange(await Axe.Violations(phone));

        // The report documents the map: the groups, what everyone shares, every statement's votes.
        var report = await browser.NewPage(bypassCsp: true);
        await report.GotoAsync($"/report/{cafe.Created.JoinCode}#key={Uri.EscapeDataString(cafe.Created.FacilitatorKey)}");
        var article = report.Locator($"#opinions [data-opinion='{cafe.OpinionId}']");
        await Expect(article.Locator(".opinion-groups > li")).ToHaveCountAsync(staff.Groups.Length);
        await Expect(article.Locator(".statements-table tbody tr")).ToHaveCountAsync(staff.Statements.Length);
        await Expect(article.Locator(".opinion-consensus li").First).ToHaveTextAsync(PlantedOpinionCafe.Consensus);
        var reportViolations = await Axe.Violations(report);
        await report.ScreenshotAsync(new() { Path = Artifacts.PathFor("opinion-report.png"), FullPage = true });

        reportViolations.ForEach(output.WriteLine);
        Assert.Empty(reportViolations);
        screenViolations.ForEach(output.WriteLine);
        phoneViolations.ForEach(output.WriteLine);
        Assert.Empty(screenViolations);
        Assert.Empty(phoneViolations);
        Assert.True(fit.Count == 0, string.Join("; ", fit));
    }
}
