using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The moderator's work through the hub, seen from every screen (real SignalR clients).</summary>
public sealed class ModerationHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private HubSession _session = null!;
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _moderator = null!, _alice = null!, _chloe = null!, _projector = null!;

    public async Task InitializeAsync()
    {
        // Everyone joins before the session starts.
        _session = await HubSession.Start(gateway.BaseAddress, "Café IA modéré", live: false);
        _created = _session.Created;
        _facilitator = _session.Facilitator;
        _moderator = await Join(new JoinOptions("Modé", Key: _created.ModeratorKey));
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        _chloe = await Join(new JoinOptions("Chloé", ParticipantMode.Remote));
        _projector = await Join(new JoinOptions(Key: _created.ProjectorKey));
        await _facilitator.Invoke("StartSession");
    }

    public Task DisposeAsync() => _session.DisposeAsync().AsTask();

    private Task<CafeClient> Join(JoinOptions options) => _session.Join(options);

    private CafeClient[] Screens => [_facilitator, _moderator, _alice, _chloe, _projector];

    [Fact]
    public async Task A_participants_personal_events_reach_each_of_its_open_connections_and_only_those()
    {
        await _facilitator.Invoke("SetModeration", new ModerationSettings(true));
        // Alice opens a second tab (same participant, by her resume token).
        var secondTab = await Join(new JoinOptions(null, ParticipantMode.Onsite, _alice.Joined.ResumeToken));
        Assert.Equal(_alice.ParticipantId, secondTab.ParticipantId);

        var first = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Deux onglets ?"))).QuestionId;
        foreach (var tab in new[] { _alice, secondTab })
        {
            Assert.Equal(QuestionStatus.Pending, (await tab.WaitFor<QuestionUpdated>(e => e.Question.Id == first)).Question.Status);
        }

        // The second tab closes: the first still gets what is personal to her, Chloé never does.
        await _session.Leave(secondTab);
        var second = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Un seul onglet ?"))).QuestionId;
        await _moderator.Invoke("RejectQuestion", new RejectRequest(second, "Hors sujet"));
        Assert.Equal("Hors sujet", (await _alice.WaitFor<QuestionUpdated>(e => e.Question.Id == second && e.Question.RejectReason is not null)).Question.RejectReason);
        var seq = (await _moderator.Snapshot()).Seq;
        await Eventually.Get(() => Task.FromResult(_chloe.Batches.Any(b => (b.From ?? b.Seq) <= seq && seq <= b.Seq)), x => x, "chloé's batch for that seq");
        Assert.DoesNotContain(_chloe.Batches.SelectMany(b => b.Events), e => e is QuestionUpdated u && (u.Question.Id == first || u.Question.Id == second));
    }

    [Fact]
    public async Task A_pending_question_reaches_its_author_and_the_staff_only_until_approved()
    {
        await _facilitator.Invoke("SetModeration", new ModerationSettings(true));
        var id = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("En attente ?"))).QuestionId;

        Assert.Equal(QuestionStatus.Pending, (await _moderator.WaitFor<QuestionAsked>(e => e.Question.Id == id)).Question.Status);
        Assert.Equal(QuestionStatus.Pending, (await _facilitator.WaitFor<QuestionAsked>(e => e.Question.Id == id)).Question.Status);
        Assert.Equal(QuestionStatus.Pending, (await _alice.WaitFor<QuestionUpdated>(e => e.Question.Id == id)).Question.Status);
        // Chloé receives that seq (alone or merged with others), with nothing about the question in it.
        var seq = (await _moderator.Snapshot()).Seq;
        bool Covers(ChangeBatch b) => (b.From ?? b.Seq) <= seq && seq <= b.Seq;
        await Eventually.Get(() => Task.FromResult(_chloe.Batches.Any(Covers)), x => x, "chloé's batch for that seq");
        Assert.DoesNotContain(_chloe.Batches.Single(Covers).Events, e => e is QuestionAsked or QuestionUpdated);
        Assert.DoesNotContain((await _chloe.Snapshot()).Questions, q => q.Id == id);
        Assert.DoesNotContain((await _projector.Snapshot()).Questions, q => q.Id == id);

        await _moderator.Invoke("ApproveQuestion", new QuestionRef(id));
        foreach (var screen in new[] { _chloe, _projector })
        {
            Assert.Equal(QuestionStatus.Visible, (await screen.WaitFor<QuestionAsked>(e => e.Question.Id == id)).Question.Status);
        }
        Assert.Contains((await _chloe.Snapshot()).Questions, q => q.Id == id);
    }

    [Fact]
    public async Task Every_moderator_action_reaches_every_screen()
    {
        var first = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui paie ?"))).QuestionId;
        var second = (await _chloe.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui fiannce ?"))).QuestionId;

        await _moderator.Invoke("PinQuestion", new QuestionRef(first));
        await All<QuestionUpdated>(e => e.Question.Id == first && e.Question.Status == QuestionStatus.Pinned);

        await _moderator.Invoke("EditQuestion", new EditQuestionRequest(second, "Qui finance ?"));
        await All<QuestionUpdated>(e => e.Question.Id == second && e.Question.Text == "Qui finance ?" && e.Question.Edited);

        await _moderator.Invoke("UnpinQuestion", new QuestionRef(first));
        await All<QuestionUpdated>(e => e.Question.Id == first && e.Question.Status == QuestionStatus.Visible);

        await _moderator.Invoke("MarkAnswered", new QuestionRef(first));
        await All<QuestionUpdated>(e => e.Question.Id == first && e.Question.Status == QuestionStatus.Answered);

        await _moderator.Invoke("HideQuestion", new QuestionRef(second));
        await All<QuestionRemoved>(e => e.QuestionId == second && e.Reason == QuestionStatus.Hidden, participantsOnly: true);
        await _facilitator.WaitFor<QuestionUpdated>(e => e.Question.Id == second && e.Question.Status == QuestionStatus.Hidden);

        await _moderator.Invoke("ApproveQuestion", new QuestionRef(second));
        await All<QuestionAsked>(e => e.Question.Id == second, participantsOnly: true);

        var third = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui finance donc ?"))).QuestionId;
        await _moderator.Invoke("MergeQuestions", new MergeQuestionsRequest(third, second));
        await All<QuestionRemoved>(e => e.QuestionId == third && e.MergedInto == second);

        await _moderator.Invoke("MuteParticipant", new ParticipantRef(_alice.ParticipantId));
        Assert.True((await _alice.WaitFor<MeChanged>(e => e.Me.Muted)).Me.Muted);
        Assert.Equal(RefusalCodes.Muted, await CafeClient.RefusalCode(() => _alice.Invoke("AskQuestion", new AskQuestionRequest("Et moi ?"))));
        await _moderator.Invoke("UnmuteParticipant", new ParticipantRef(_alice.ParticipantId));
        await _alice.WaitFor<MeChanged>(e => !e.Me.Muted);
        await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Et moi ?"));

        await _chloe.Invoke("RaiseHand");
        var hands = await _moderator.WaitFor<HandsChanged>(e => e.Hands.Length == 1);
        Assert.Equal((_chloe.ParticipantId, ParticipantMode.Remote), (hands.Hands[0].ParticipantId, hands.Hands[0].Mode));
        var called = await _moderator.Invoke<SpeakerCalled>("CallNextSpeaker");
        Assert.Equal(_chloe.ParticipantId, called.ParticipantId);
        await _chloe.WaitFor<MeChanged>(e => e.Me.Speaking);
        await All<SpeakerChanged>(e => e.Speaker?.Name == "Chloé");
    }

    [Fact]
    public async Task Participants_are_forbidden_every_moderator_and_facilitator_action()
    {
        var id = (await _chloe.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Protégée ?"))).QuestionId;
        var before = await _facilitator.Snapshot();
        foreach (var (method, payload) in StaffCalls(id))
        {
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke(method, payload)));
        }
        foreach (var method in new[] { "SetModeration", "CreateModeratorLink", "RevokeModeratorLink", "SetVideo" })
        {
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _moderator.Invoke(method, new { linkId = "m1" })));
        }
        Assert.Equal(before.Seq, (await _facilitator.Snapshot()).Seq);
    }

    [Fact]
    public async Task A_revoked_moderator_link_stops_joining_and_its_holders_lose_the_role_at_once()
    {
        var link = await _facilitator.Invoke<ModeratorLinkView>("CreateModeratorLink", new CreateModeratorLinkRequest("Bénévole"));
        var helper = await Join(new JoinOptions("Bénévole", Key: link.Key));
        Assert.Equal(Role.Moderator, helper.Joined.Role);
        var id = (await _chloe.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Encore là ?"))).QuestionId;
        await helper.Invoke("PinQuestion", new QuestionRef(id));

        await _facilitator.Invoke("RevokeModeratorLink", new ModeratorLinkRef(link.Id));

        await helper.WaitFor<RoleRevoked>(_ => true);
        await helper.WaitClosed();
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
            Join(new JoinOptions(Key: link.Key))));
        var links = await _moderator.WaitFor<ModeratorLinksChanged>(e => e.Links.All(l => l.Id != link.Id));
        Assert.DoesNotContain(links.Links, l => l.Key is not null);
        // The other moderator link still works.
        await _moderator.Invoke("UnpinQuestion", new QuestionRef(id));
    }

    private static (string, object)[] StaffCalls(string id) =>
    [
        ("ApproveQuestion", new QuestionRef(id)),
        ("RejectQuestion", new RejectRequest(id, "non")),
        ("PinQuestion", new QuestionRef(id)),
        ("UnpinQuestion", new QuestionRef(id)),
        ("MarkAnswered", new QuestionRef(id)),
        ("HideQuestion", new QuestionRef(id)),
        ("EditQuestion", new EditQuestionRequest(id, "autre")),
        ("MergeQuestions", new MergeQuestionsRequest(id, id)),
        ("MuteParticipant", new ParticipantRef("x")),
        ("UnmuteParticipant", new ParticipantRef("x")),
        ("CallSpeaker", new ParticipantRef("x")),
        ("SetModeration", new ModerationSettings(true)),
        ("CreateModeratorLink", new CreateModeratorLinkRequest("x")),
        ("RevokeModeratorLink", new ModeratorLinkRef("m1")),
        ("SetVideo", new VideoRequest("https://youtu.be/dQw4w9WgXcQ")),
    ];

    private async Task All<T>(Func<T, bool> match, bool participantsOnly = false) where T : SessionEvent
    {
        foreach (var screen in participantsOnly ? [_alice, _chloe, _projector] : Screens)
        {
            await screen.WaitFor(match);
        }
    }
}
