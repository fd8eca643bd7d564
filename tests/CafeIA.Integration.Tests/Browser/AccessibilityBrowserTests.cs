using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// axe-core (the npm package the front end's build installs) on every page, in the states that
/// matter: a poll open with results, pending questions in the moderator's queue, a pinned
/// question on the projector. No violation at WCAG 2.1 A/AA.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_page_passes_axe_core_at_WCAG_21_AA(string lang)
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA accessible");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        await facilitator.Invoke("SetModeration", new ModerationSettings(true));
        await using var alice = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        var question = await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Comment l'IA apprend-elle ?"));
        await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Une question en attente ?"));
        await facilitator.Invoke("ApproveQuestion", new QuestionRef(question.QuestionId));
        await facilitator.Invoke("PinQuestion", new QuestionRef(question.QuestionId));
        foreach (var (text, kind, options) in new[] { ("Plutôt :", PollKind.Single, new[] { "oui", "non" }), ("En un mot ?", PollKind.WordCloud, Array.Empty<string>()) })
        {
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest(text, kind, options))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(poll));
            await alice.Invoke("Vote", kind == PollKind.Single ? new VoteRequest(poll, [0]) : new VoteRequest(poll, Words: ["éthique"]));
        }

        var violations = new List<string>();
        var q = $"?lang={lang}";
        violations.AddRange(await Audit($"/{q}", null));
        var participant = await browser.NewPage(bypassCsp: true);
        await participant.GotoAsync($"/join/{created.JoinCode}{q}");
        await participant.Locator("#name").FillAsync("Chloé");
        await participant.Locator("#join").ClickAsync();
        await Expect(participant.Locator(".poll .poll-results").First).ToBeVisibleAsync();
        violations.AddRange(await Audit(null, participant, "participant"));
        violations.AddRange(await Audit($"/join/{created.JoinCode}{q}", null));
        violations.AddRange(await Audit($"/facilitate/{created.JoinCode}{q}#key={created.FacilitatorKey}", "#console .poll"));
        violations.AddRange(await Audit($"/moderate/{created.JoinCode}{q}#key={created.ModeratorKey}", "#questions .question.pending"));
        violations.AddRange(await Audit($"/screen/{created.JoinCode}{q}#key={created.ProjectorKey}", "#pinned-text"));
        Assert.Equal(lang, await participant.EvaluateAsync<string>("document.documentElement.lang"));

        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }
        Assert.Empty(violations);
    }

    private async Task<List<string>> Audit(string? path, string? ready) => await Audit(path, null, ready);

    private async Task<List<string>> Audit(string? path, IPage? page, string? ready)
    {
        if (page is null)
        {
            page = await browser.NewPage(bypassCsp: true);
            await page.GotoAsync(path!);
        }
        if (ready is not null && ready != "participant")
        {
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
        }
        return await Axe.Violations(page);
    }
}
