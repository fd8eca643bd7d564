using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CafeIA.Integration.Tests.Browser;

/// <summary>
/// The interactions of issue 16 as people meet them: a quiz round on the projector (countdown,
/// the right answer, scores, podium), a ranking voted on a phone with the keyboard and by
/// dragging, and a moderator merging the duplicate the server suggests. axe audits each screen.
/// </summary>
public sealed class InteractionsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_quiz_round_runs_on_the_projector_from_countdown_to_podium()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Quiz de l'IA");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var quiz = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest(
            "Qui a écrit le premier programme ?", PollKind.Quiz, ["Alan Turing", "Ada Lovelace", "Grace Hopper", "John von Neumann"],
            Correct: [1], Seconds: 8))).PollId;
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, quiz));

        var projector = await browser.NewPage(bypassCsp: true);
        await projector.SetViewportSizeAsync(1920, 1080);
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        // A draft in focus is not shown to the room: the quiz starts when it opens.
        await Expect(projector.Locator(".view.waiting")).ToBeVisibleAsync();

        var fast = await browser.JoinAsParticipant(created.JoinCode, "Alice", "sur place", bypassCsp: true);
        var wrong = await browser.JoinAsParticipant(created.JoinCode, "Bob", "à distance", bypassCsp: true);
        await using var slow = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Chloé", ParticipantMode.Remote));

        await facilitator.Invoke("OpenPoll", new PollRef(quiz));
        await Expect(projector.Locator(".quiz-view .quiz-option")).ToHaveCountAsync(4);
        // The countdown runs on the projector and on the phones.
        var countdown = projector.Locator(".quiz-view .countdown");
        await Expect(countdown).ToBeVisibleAsync();
        Assert.InRange(int.Parse(await countdown.GetAttributeAsync("data-remaining") ?? "0", System.Globalization.CultureInfo.InvariantCulture), 1, 8);
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("quiz-countdown-1920x1080.png") });

        // Alice answers right at once (one tap), Bob wrong, Chloé right but later.
        var aliceQuiz = fast.Locator(".focus-card .quiz-ballot");
        await Expect(aliceQuiz.Locator(".countdown")).ToBeVisibleAsync();
        await aliceQuiz.GetByRole(AriaRole.Button, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Expect(aliceQuiz.Locator(".confirmation")).ToBeVisibleAsync();
        await wrong.Locator(".focus-card .quiz-ballot").GetByRole(AriaRole.Button, new() { Name = "Alan Turing" }).ClickAsync();
        await Expect(wrong.Locator(".focus-card .quiz-ballot .confirmation")).ToBeVisibleAsync();
        await fast.ScreenshotAsync(new() { Path = Artifacts.PathFor("quiz-phone-answered.png") });
        await facilitator.WaitForState(s => s.Polls[quiz].Results?.Voters == 2, "two answers counted");
        await slow.Invoke("Vote", new VoteRequest(quiz, Choices: [1]));

        // The server closes the quiz when the time is up: the projector shows the right answer.
        await Expect(projector.Locator(".quiz-view[data-state=closed]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(projector.Locator(".quiz-view li.correct[data-option='1'], .quiz-view .quiz-option.right[data-option='1']")).ToBeVisibleAsync();
        await Expect(projector.Locator(".quiz-view li.correct, .quiz-view .quiz-option.right")).ToHaveCountAsync(1);
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("quiz-answer-1920x1080.png") });

        // Each phone learns its own verdict and rank: Alice is first, Bob scored nothing.
        await Expect(aliceQuiz.Locator(".quiz-verdict.right")).ToBeVisibleAsync();
        await Expect(fast.Locator(".focus-card .quiz-rank")).ToHaveAttributeAsync("data-rank", "1");
        await Expect(wrong.Locator(".focus-card .quiz-verdict.wrong")).ToBeVisibleAsync();
        await wrong.ScreenshotAsync(new() { Path = Artifacts.PathFor("quiz-phone-wrong.png") });

        // The scores, then the podium: Alice above Chloé (both right, Alice faster); Bob last.
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Leaderboard));
        var leaders = projector.Locator(".leaderboard-view .leaders li .name");
        await Expect(leaders).ToHaveTextAsync(["Alice", "Chloé", "Bob"]);
        await Expect(projector.Locator(".teams [data-team=onsite]")).ToBeVisibleAsync();
        Assert.Empty(await Layout.FitProblemsSettled(projector));
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("quiz-leaderboard-1920x1080.png") });

        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Podium));
        await Expect(projector.Locator(".podium .step-1 .name")).ToHaveTextAsync("Alice");
        await Expect(projector.Locator(".podium .step-2 .name")).ToHaveTextAsync("Chloé");
        Assert.Empty(await Layout.FitProblemsSettled(projector));
        await projector.ScreenshotAsync(new() { Path = Artifacts.PathFor("quiz-podium-1920x1080.png") });

        var violations = new List<string>();
        violations.AddRange(await Axe.Violations(projector));
        violations.AddRange(await Axe.Violations(fast));
        violations.AddRange(await Axe.Violations(wrong));
        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_ranking_is_voted_on_a_phone_with_the_keyboard_and_by_dragging()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Nos priorités");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var ranking = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest(
            "Classez ces priorités", PollKind.Ranking, ["Former les agents", "Protéger les données", "Informer le public", "Évaluer les outils"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(ranking));
        await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, ranking));

        var phone = await browser.JoinAsParticipant(created.JoinCode, "Alice", "sur place", bypassCsp: true);
        await phone.SetViewportSizeAsync(390, 844);
        var ballot = phone.Locator(".focus-card .ranking-ballot");
        var rows = ballot.Locator(".ranking li .option");
        await Expect(rows).ToHaveTextAsync(["Former les agents", "Protéger les données", "Informer le public", "Évaluer les outils"]);

        // With the keyboard only: the focus on "down" of the first option, Enter twice; the focus follows it.
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Descendre « Former les agents » (actuellement 1)" }).FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveTextAsync(["Protéger les données", "Informer le public", "Former les agents", "Évaluer les outils"]);
        Assert.Equal("0", await phone.EvaluateAsync<string>("document.activeElement.closest('li').dataset.option"));
        await Expect(ballot.Locator("[role=status]").First).ToContainTextAsync("« Former les agents » est maintenant 3 sur 4");

        // By dragging (a mouse on a laptop): "Évaluer les outils" dropped on the first row.
        await ballot.Locator(".ranking li[data-option='3']").DragToAsync(ballot.Locator(".ranking li").First);
        await Expect(rows).ToHaveTextAsync(["Évaluer les outils", "Protéger les données", "Informer le public", "Former les agents"]);
        Assert.Empty(await Layout.FitProblemsSettled(phone).ContinueWith(t => t.Result.Where(p => p.Contains("horizontally")).ToList()));
        await phone.ScreenshotAsync(new() { Path = Artifacts.PathFor("ranking-phone-390.png"), FullPage = true });

        // Sent with the keyboard too; the server's Borda scores follow that order (4 options: 3, 2, 1, 0).
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Voter" }).FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Expect(ballot.Locator(".confirmation")).ToBeVisibleAsync();
        await facilitator.WaitForState(s => s.Polls[ranking].Results?.Scores?.All is [0, 2, 1, 3], "the ranking scored");
        Assert.Equal([0, 2, 1, 3], facilitator.State.Polls[ranking].Results!.Scores!.Onsite);

        var violations = await Axe.Violations(phone);
        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_moderator_merges_the_duplicate_the_server_suggests_in_one_action()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café IA et emploi");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        await using var alice = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        await using var bob = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Bob", ParticipantMode.Remote));
        var first = (await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Quel sera l'impact de l'IA sur l'emploi ?"))).QuestionId;
        await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Faut-il apprendre à programmer à l'école ?"));
        var second = (await bob.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Quel impact aura l'IA sur l'emploi ?"))).QuestionId;
        await using var chloe = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions("Chloé", ParticipantMode.Onsite));
        await chloe.Invoke("Upvote", new QuestionRef(second));

        var moderator = await browser.NewPage(bypassCsp: true);
        await moderator.GotoAsync($"/moderate/{created.JoinCode}#key={created.ModeratorKey}");
        var card = moderator.Locator($"#questions li[data-question='{second}']");
        var suggestion = card.Locator(".similar");
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(suggestion).ToContainTextAsync("Quel sera l'impact de l'IA sur l'emploi ?");
        await Expect(moderator.Locator($"#questions li[data-question='{first}'] .similar")).ToHaveCountAsync(0);
        await moderator.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderator-duplicate.png") });
        var violations = await Axe.Violations(moderator);

        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Fusionner dans celle-ci" }).ClickAsync();
        await facilitator.WaitForState(s => !s.Questions.ContainsKey(second) || s.Questions[second].Status == QuestionStatus.Merged, "the duplicate merged");
        await Expect(card).ToHaveCountAsync(0);
        // The support Bob's question had follows it into Alice's.
        await facilitator.WaitForState(s => s.Questions[first].Votes == 1, "the merged question's vote carried over");

        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Reactions_tapped_on_a_phone_rise_on_the_projector_and_go_when_switched_off()
    {
        var created = await CafeClient.CreateSession(browser.BaseAddress, "Café réactif");
        await using var facilitator = await CafeClient.Join(browser.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var projector = await browser.NewPage();
        await projector.SetViewportSizeAsync(1280, 720);
        await projector.GotoAsync($"/screen/{created.JoinCode}#key={created.ProjectorKey}");
        await Expect(projector.Locator(".join-view .join-code")).ToHaveTextAsync(created.JoinCode);

        var phone = await browser.JoinAsParticipant(created.JoinCode, "Alice", "sur place", bypassCsp: true);
        var bar = phone.Locator(".reaction-bar");
        await Expect(bar.Locator("button")).ToHaveCountAsync(5);
        await bar.GetByRole(AriaRole.Button, new() { Name = "Réagir : 👏" }).ClickAsync();
        await bar.GetByRole(AriaRole.Button, new() { Name = "Réagir : ❤️" }).ClickAsync();
        // The bursts rise over the stage, decoration hidden from screen readers, never taking clicks.
        await Expect(projector.Locator(".bursts .burst[data-reaction='👏']").First).ToBeAttachedAsync();
        Assert.Equal("true", await projector.Locator(".bursts").GetAttributeAsync("aria-hidden"));
        var violations = await Axe.Violations(phone);

        await facilitator.Invoke("SetReactions", new ReactionsRequest(false));
        await Expect(bar).ToHaveCountAsync(0);
        violations.ForEach(output.WriteLine);
        Assert.Empty(violations);
    }
}
