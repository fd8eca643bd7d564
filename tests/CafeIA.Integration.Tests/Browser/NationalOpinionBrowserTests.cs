using System.Globalization;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// A pushed opinion across a programme in the browser (issue 17): three cafés vote planted
/// groups; in one café a phone votes statement by statement and is told its group there and in
/// the whole country; the facilitator switches the room's screen from the café's map to the
/// national one (every café's people as weighted dots, this café's ringed, the national groups,
/// what everyone shares, a table for screen readers) and back. Screenshots, fit and axe.
/// </summary>
public sealed class NationalOpinionBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Cafes = 3, PerCafe = 6;

    [Fact]
    public async Task The_facilitator_switches_the_room_to_the_national_map_and_a_phone_sees_its_national_group()
    {
        await using var programme = await OpinionProgramme.Start(browser.BaseAddress, Cafes, "Journée nationale des avis");
        var here = programme.Cafes[0];
        var phones = new List<(CafeClient Client, int Group)>();
        for (var c = 0; c < Cafes; c++)
        {
            // Café 0 keeps one seat for the browser's phone, which votes like group 0.
            for (var i = c == 0 ? 1 : 0; i < PerCafe; i++)
            {
                phones.Add((await programme.Cafes[c].Participant($"P{c}-{i}", i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote), (c + i) % PlantedOpinionCafe.Groups));
            }
        }
        var pushed = await programme.Push(new PushOpinionRequest("L'IA dans le service public", PlantedOpinionCafe.Texts));
        var opinionId = (await OpinionProgramme.CafeOpinion(here.Facilitator, pushed.ProgrammeOpinionId)).Id;
        await here.Facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Opinion, OpinionId: opinionId));
        await Task.WhenAll(phones.Select(p => OpinionProgramme.VoteAll(p.Client, pushed.ProgrammeOpinionId, p.Group)));

        // The phone: one statement at a time, then its group in this café and in the whole country.
        var phone = await browser.JoinAsParticipant(here.Created.JoinCode, "Dominique", "sur place", bypassCsp: true);
        await phone.SetViewportSizeAsync(390, 844);
        var texts = PlantedOpinionCafe.Texts.Length;
        for (var voted = 0; voted < texts; voted++)
        {
            var text = await phone.Locator(".focus-card .statement-text").InnerTextAsync();
            var label = PlantedOpinionCafe.Planted(0, PlantedOpinionCafe.BlockOf(text)) switch
            {
                StatementVote.Agree => "D'accord",
                StatementVote.Disagree => "Pas d'accord",
                _ => "Je passe",
            };
            await phone.Locator(".focus-card .statement-now .stances").GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
            await Expect(phone.Locator("#opinion-progress")).ToContainTextAsync($"Votre avis : {voted + 1} sur ");
        }
        var staff = await Eventually.Get(() => OpinionProgramme.CafeOpinion(here.Facilitator, pushed.ProgrammeOpinionId),
            o => o.National is { People: Cafes * PerCafe, Groups.Length: >= 2 }, "the national map of every café's people", TimeSpan.FromSeconds(90));
        var nationalGroup = phone.Locator("#your-national-group");
        await Expect(nationalGroup).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(nationalGroup.Locator("h3")).ToContainTextAsync("Dans tout le pays, vous êtes dans le groupe");
        Assert.Contains(int.Parse((await nationalGroup.GetAttributeAsync("data-group"))!, CultureInfo.InvariantCulture), staff.National!.Groups.Select(g => g.Id));
        await Expect(phone.Locator("#your-group")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Artifacts.PathFor("national-phone-groups-390x844.png"), FullPage = true });
        // The programme's long title beside the header's tools keeps its words whole.
        Assert.Empty(await Layout.CutWords(phone));
        var violations = await Axe.Violations(phone);

        // The projector shows the café's own map until the facilitator switches it.
        var screen = await browser.NewPage(bypassCsp: true);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen/{here.Created.JoinCode}#key={here.Created.ProjectorKey}");
        await Expect(screen.Locator($".opinion-view[data-opinion='{opinionId}']:not(.national-view)")).ToBeVisibleAsync();

        var animer = await browser.NewPage(bypassCsp: true);
        await animer.SetViewportSizeAsync(1366, 768);
        await animer.GotoAsync($"/facilitate/{here.Created.JoinCode}#key={here.Created.FacilitatorKey}");
        var country = animer.GetByRole(AriaRole.Button, new() { Name = "Tout le pays" });
        var cafe = animer.GetByRole(AriaRole.Button, new() { Name = "Ce café" });
        await Expect(cafe).ToHaveAttributeAsync("aria-pressed", "true");
        await country.ClickAsync();
        await Expect(country).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(animer.Locator(".opinion-focus .national-map")).ToBeVisibleAsync();

        var national = screen.Locator($".national-view[data-opinion='{opinionId}']");
        await Expect(national).ToBeVisibleAsync();
        await Expect(national.Locator(".kicker")).ToContainTextAsync($"{Cafes} cafés · {Cafes * PerCafe} personnes");
        // The dots are the server's: as many weighted dots as it sent, this café's people ringed; the
        // national map may still be settling, so both sides are read until they agree.
        await Eventually.Get(async () =>
        {
            var sent = (await OpinionProgramme.CafeOpinion(here.Facilitator, pushed.ProgrammeOpinionId)).National!;
            return (Sent: sent, Dots: await national.Locator("circle.dot.weighted").CountAsync(), Rings: await national.Locator("circle.here").CountAsync(),
                Groups: await national.Locator(".opinion-groups > li").CountAsync(), Rows: await national.Locator("table tbody tr").CountAsync());
        }, s => s.Dots == s.Sent.Map!.Length && s.Rings == s.Sent.Here!.Length && s.Groups == s.Sent.Groups.Length && s.Rows == s.Sent.Groups.Length,
            "the projector drawing the national map the server sent");
        await Expect(national.Locator(".opinion-consensus li").First).ToHaveTextAsync(PlantedOpinionCafe.Consensus);
        await Expect(national.Locator("table caption")).ToHaveTextAsync("Les groupes d'opinion de tout le pays et les affirmations qui les définissent");
        var fit = await Layout.FitProblemsSettled(screen);
        await screen.ScreenshotAsync(new() { Path = Artifacts.PathFor("national-projector-1920x1080.png") });
        await animer.ScreenshotAsync(new() { Path = Artifacts.PathFor("national-animer-1366x768.png") });
        violations.AddRange(await Axe.Violations(screen));
        violations.AddRange(await Axe.Violations(animer));

        // And back to the café's own map.
        await cafe.ClickAsync();
        await Expect(screen.Locator($".opinion-view[data-opinion='{opinionId}']:not(.national-view)")).ToBeVisibleAsync();
        Assert.Null((await here.Facilitator.Snapshot()).Screen!.National);

        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
        Assert.True(fit.Count == 0, string.Join("; ", fit));
    }
}
