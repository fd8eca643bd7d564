using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Issue 16's question tools through the hub, over real sockets: the profanity filter as the
/// bytes a participant's phone receives, replies reaching their author only, the pause, announcements.
/// </summary>
public sealed class QuestionToolsHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private HubSession _session = null!;
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _moderator = null!, _alice = null!, _chloe = null!, _projector = null!;

    public async Task InitializeAsync()
    {
        // Everyone joins before the session starts.
        _session = await HubSession.Start(gateway.BaseAddress, "Café IA filtré", live: false);
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

    [Fact]
    public async Task Review_holds_a_flagged_question_back_from_the_bytes_other_participants_receive_mask_masks_it_and_off_lets_it_through()
    {
        await using var phone = await RawHubClient.Connect(gateway.BaseAddress);
        await phone.SendText($"{{\"type\":1,\"invocationId\":\"j\",\"target\":\"JoinSession\",\"arguments\":[\"{_created.JoinCode}\",{{\"mode\":\"onsite\"}}]}}\u001e");
        var joined = await Next(phone, [], m => m.GetProperty("type").GetInt32() == 3);
        Assert.Equal("review", joined.GetProperty("result").GetProperty("snapshot").GetProperty("profanityFilter").GetString());
        var received = new List<string>();

        // review (the default): staff see the question pending and flagged; the phone gets nothing of it.
        var held = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Pourquoi ce c0nnard de robot ment ?"))).QuestionId;
        var staffView = (await _moderator.WaitFor<QuestionAsked>(e => e.Question.Id == held)).Question;
        Assert.Equal((QuestionStatus.Pending, (bool?)true), (staffView.Status, staffView.Flagged));
        var marker = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Marqueur : une question propre"))).QuestionId;
        await Next(phone, received, m => m.GetRawText().Contains($"\"id\":\"{marker}\"", StringComparison.Ordinal));
        Assert.DoesNotContain(received, m => m.Contains("c0nnard", StringComparison.OrdinalIgnoreCase) || m.Contains($"\"{held}\"", StringComparison.Ordinal));
        Assert.DoesNotContain((await _chloe.Snapshot()).Questions, q => q.Id == held);

        // mask: shown to everyone with the word masked.
        await _facilitator.Invoke("SetProfanityFilter", new ProfanityFilterRequest(ProfanityMode.Mask));
        await Next(phone, received, m => m.GetRawText().Contains("\"type\":\"profanityFilter\"", StringComparison.Ordinal));
        var masked = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Pourquoi ce CONNARD de robot ment ?"))).QuestionId;
        var maskedMessage = await Next(phone, received, m => m.GetRawText().Contains($"\"id\":\"{masked}\"", StringComparison.Ordinal));
        Assert.Equal("Pourquoi ce ••• de robot ment ?", QuestionIn(maskedMessage, masked).GetProperty("text").GetString());
        Assert.DoesNotContain(received, m => m.Contains("CONNARD", StringComparison.OrdinalIgnoreCase));

        // off: through as typed.
        await _facilitator.Invoke("SetProfanityFilter", new ProfanityFilterRequest(ProfanityMode.Off));
        await Next(phone, received, m => m.GetRawText().Contains("\"mode\":\"off\"", StringComparison.Ordinal));
        var through = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Pourquoi ce connard de robot ment ?"))).QuestionId;
        var throughMessage = await Next(phone, received, m => m.GetRawText().Contains($"\"id\":\"{through}\"", StringComparison.Ordinal));
        Assert.Equal("Pourquoi ce connard de robot ment ?", QuestionIn(throughMessage, through).GetProperty("text").GetString());

        // The held question reaches the room once a moderator approves it.
        await _moderator.Invoke("ApproveQuestion", new QuestionRef(held));
        await _chloe.WaitFor<QuestionAsked>(e => e.Question.Id == held && e.Question.Flagged is null);
    }

    [Fact]
    public async Task A_reply_reaches_its_author_personally_and_not_another_participant()
    {
        var id = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui paie les serveurs ?"))).QuestionId;
        await _moderator.Invoke("ReplyToQuestion", new ReplyRequest(id, "La région."));

        var replied = await _alice.WaitFor<QuestionReplied>(e => e.QuestionId == id);
        Assert.Equal("La région.", replied.Reply);
        Assert.Equal("La région.", (await _chloe.WaitFor<QuestionUpdated>(e => e.Question.Id == id && e.Question.Reply is not null)).Question.Reply);
        await _projector.WaitFor<QuestionUpdated>(e => e.Question.Id == id && e.Question.Reply == "La région.");
        // Chloé's batch for that seq has come and gone without it, and no personal event reached her.
        var seq = (await _moderator.Snapshot()).Seq;
        await Eventually.Get(() => Task.FromResult(_chloe.Batches.Any(b => b.Seq >= seq)), x => x, "chloé's batch for that seq");
        Assert.DoesNotContain(_chloe.Batches.SelectMany(b => b.Events), e => e is QuestionReplied);
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _chloe.Invoke("ReplyToQuestion", new ReplyRequest(id, "Moi"))));
        Assert.Equal("La région.", (await _chloe.Snapshot()).Questions.Single(q => q.Id == id).Reply);
    }

    [Fact]
    public async Task Paused_questions_are_refused_with_paused_while_upvotes_go_on_and_announcements_reach_every_screen()
    {
        var id = (await _alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Avant la pause ?"))).QuestionId;
        await _moderator.Invoke("PauseQuestions", new PauseQuestionsRequest(true));
        await _chloe.WaitFor<QuestionsPausedChanged>(e => e.Paused);
        Assert.Equal(RefusalCodes.Paused, await CafeClient.RefusalCode(() => _chloe.Invoke("AskQuestion", new AskQuestionRequest("Pendant ?"))));
        await _chloe.Invoke("Upvote", new QuestionRef(id));
        await _alice.WaitFor<QuestionVotesChanged>(e => e.QuestionId == id && e.Votes == 1);
        Assert.True((await _alice.Snapshot()).QuestionsPaused);

        var announcement = await _moderator.Invoke<Announcement>("Announce", new AnnounceRequest("Pause café !"));
        foreach (var screen in new[] { _alice, _chloe, _projector, _facilitator })
        {
            Assert.Equal("Pause café !", (await screen.WaitFor<Announced>(e => e.Announcement.Id == announcement.Id)).Announcement.Text);
        }
        Assert.Equal(announcement.Id, (await _projector.Snapshot()).Announcement?.Id);
        await _facilitator.Invoke("DismissAnnouncement");
        await _projector.WaitFor<AnnouncementDismissed>(e => e.Id == announcement.Id);
        Assert.Null((await _chloe.Snapshot()).Announcement);

        await _moderator.Invoke("MarkAnswered", new QuestionRef(id));
        await _moderator.Invoke("RestoreQuestion", new QuestionRef(id));
        await _chloe.WaitFor<QuestionUpdated>(e => e.Question.Id == id && e.Question.Status == QuestionStatus.Visible);
    }

    private static JsonElement QuestionIn(JsonElement message, string questionId) =>
        message.GetProperty("arguments")[0].GetProperty("events").EnumerateArray()
            .Where(e => e.TryGetProperty("question", out _))
            .Select(e => e.GetProperty("question"))
            .Single(q => q.GetProperty("id").GetString() == questionId);

    /// <summary>The phone's next message matching; every message read on the way is kept, as text.</summary>
    private static async Task<JsonElement> Next(RawHubClient raw, List<string> received, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (true)
        {
            var message = await raw.Receive().WaitAsync(timeout.Token) ?? throw new InvalidOperationException("closed");
            received.Add(message);
            var root = JsonDocument.Parse(message).RootElement;
            if (match(root))
            {
                return root.Clone();
            }
        }
    }
}
