using System.Net.Http.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>Everything acknowledged survives stopping the process and starting a new one on the same SQLite file.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Sessions_questions_upvotes_polls_and_ballots_survive_a_restart_on_the_same_SQLite_file()
    {
        using var data = new TempDirectory();
        SessionCreated created;
        string questionId, pollId, aliceToken, aliceId;
        SessionSnapshot before;

        await using (var first = await GatewayHost.StartEmbedded(data.Path))
        {
            created = await CafeClient.CreateSession(first.BaseAddress, "Café IA de Brest");
            await using var facilitator = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await using var alice = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
            await using var bob = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions("Bob", ParticipantMode.Remote));
            await facilitator.Invoke("StartSession");
            questionId = (await bob.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Et demain ?"))).QuestionId;
            await alice.Invoke("Upvote", new QuestionRef(questionId));
            pollId = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, ["oui", "non"]))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(pollId));
            await alice.Invoke("Vote", new VoteRequest(pollId, [1]));
            await bob.Invoke("Vote", new VoteRequest(pollId, [0]));
            await facilitator.Invoke("SetScreen", new ScreenRequest(ScreenView.Activity, pollId));
            (aliceToken, aliceId) = (alice.Joined.ResumeToken, alice.ParticipantId);
            before = await facilitator.Snapshot();
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "cafe.db")));

        await using var second = await GatewayHost.StartEmbedded(data.Path);
        using var http = second.Http();
        var info = await http.GetFromJsonAsync<SessionInfoDto>($"/api/sessions/{created.JoinCode}");
        Assert.Equal("Café IA de Brest", info!.Title);
        Assert.Equal("live", info.State);

        await using var aliceAgain = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(ResumeToken: aliceToken));
        Assert.Equal(aliceId, aliceAgain.ParticipantId);
        var after = aliceAgain.Joined.Snapshot;
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(SessionPhase.Live, after.State);
        Assert.Equal(new Screen(ScreenView.Activity, pollId), after.Screen);
        var question = Assert.Single(after.Questions);
        Assert.Equal((questionId, "Et demain ?", 1, true), (question.Id, question.Text, question.Votes, question.Upvoted));
        var poll = Assert.Single(after.Polls);
        Assert.Equal(PollState.Open, poll.State);
        Assert.Equal([1, 1], poll.Results!.Counts);
        Assert.Equal([0, 1], poll.Results!.Onsite);
        Assert.Equal([1, 0], poll.Results!.Remote);
        Assert.Equal([1], poll.MyChoices!);
        // The seq goes on from the stored one (Alice's rejoin is a commit after it), it does not start again.
        Assert.True(after.Seq > before.Seq, $"seq {after.Seq} after the restart, {before.Seq} before");

        // The facilitator key still works after the restart: it was stored (hashed), not kept in memory.
        await using var facilitatorAgain = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitatorAgain.Invoke("ClosePoll", new PollRef(pollId));
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => aliceAgain.Invoke("Vote", new VoteRequest(pollId, [0]))));
    }

    [Fact]
    public async Task A_recorded_show_of_hands_survives_a_restart_on_the_same_SQLite_file()
    {
        using var data = new TempDirectory();
        SessionCreated created;
        string pollId;
        await using (var first = await GatewayHost.StartEmbedded(data.Path))
        {
            created = await CafeClient.CreateSession(first.BaseAddress, "Café IA à mains levées");
            await using var facilitator = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await using var alice = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
            await facilitator.Invoke("StartSession");
            pollId = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, ["oui", "non"]))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(pollId));
            await alice.Invoke("Vote", new VoteRequest(pollId, [1]));
            // Acknowledged means written: the restart follows at once.
            await facilitator.Invoke("RecordHandCount", new HandCountRequest(pollId, [7, 3]));
        }

        await using var second = await GatewayHost.StartEmbedded(data.Path);
        await using var facilitatorAgain = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        var poll = facilitatorAgain.Joined.Snapshot.Polls.Single(p => p.Id == pollId);
        Assert.Equal([7, 3], poll.HandCount!);
        Assert.Equal([7, 3], poll.Results!.NoDevice!);
        Assert.Equal([7, 4], poll.Results.Counts);
        Assert.Equal((11, 10), (poll.Results.Voters, poll.Results.VotersNoDevice));
    }

    [Fact]
    public async Task Kiosk_turns_and_an_undone_turn_survive_a_restart_on_the_same_SQLite_file()
    {
        using var data = new TempDirectory();
        SessionCreated created;
        string pollId;
        KioskLinkView link;
        await using (var first = await GatewayHost.StartEmbedded(data.Path))
        {
            created = await CafeClient.CreateSession(first.BaseAddress, "Café IA à la borne");
            await using var facilitator = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await facilitator.Invoke("StartSession");
            link = await facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest("Entrée"));
            await using var kiosk = await CafeClient.Join(first.BaseAddress, created.JoinCode, new JoinOptions(Key: link.Key));
            pollId = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Single, ["oui", "non"]))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(pollId));
            await kiosk.Invoke("KioskVote", new VoteRequest(pollId, [0]));
            await kiosk.Invoke("KioskVote", new VoteRequest(pollId, [1]));
            await kiosk.Invoke("KioskVote", new VoteRequest(pollId, [1]));
            // The last turn's ballot row is deleted, not merely forgotten in memory.
            await kiosk.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef());
        }

        await using var second = await GatewayHost.StartEmbedded(data.Path);
        await using var facilitatorAgain = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        var results = facilitatorAgain.Joined.Snapshot.Polls.Single(p => p.Id == pollId).Results!;
        Assert.Equal([1, 1], results.Onsite);
        Assert.Equal(2, results.Voters);
        Assert.Equal(link.Key, Assert.Single(facilitatorAgain.Joined.StaffKeys!.KioskLinks!).Key);
        // The kiosk joins again with its key, and its turns go on being numbered after the undone one.
        await using var kioskAgain = await CafeClient.Join(second.BaseAddress, created.JoinCode, new JoinOptions(Key: link.Key));
        await kioskAgain.Invoke("KioskVote", new VoteRequest(pollId, [0]));
        await kioskAgain.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef());
        await kioskAgain.Invoke<KioskTurnUndone>("UndoKioskTurn", new KioskLinkRef());
        var after = (await facilitatorAgain.Snapshot()).Polls.Single(p => p.Id == pollId).Results!;
        Assert.Equal([1, 0], after.Onsite);
    }

    private sealed record SessionInfoDto(string SessionId, string Title, string State);
}
