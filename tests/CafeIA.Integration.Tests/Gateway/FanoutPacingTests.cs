using System.Diagnostics;
using CafeIA.Gateway.Fanout;
using CafeIA.Gateway.Hubs;
using CafeIA.Integration.Tests.Fanout;
using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Under a storm of commits the gateway sends each screen merged batches (seqs From..Seq), paced,
/// instead of one message per commit; screens still apply every change, in order, with no gap.
/// </summary>
public sealed class FanoutPacingTests
{
    [Fact]
    public async Task A_storm_of_commits_reaches_each_screen_as_a_few_merged_batches_with_every_change()
    {
        using var data = new TempDirectory();
        // A long interval makes the merging certain: every commit after the first send waits for the next.
        await using var host = await GatewayHost.StartEmbedded(data.Path, "--Fanout:MinSendInterval=00:00:01");
        var (created, facilitator, poll, voters) = await Room(host, "Tempête", new CreatePollRequest("Oui ?", PollKind.Single, ["oui", "non"]), 30);
        await using var _ = facilitator;
        var watcher = voters[0];
        var before = (await facilitator.Snapshot()).Seq;
        await watcher.WaitForState(s => s.Seq == before, "the joins");
        var arrivalsBefore = watcher.Arrivals.Count;

        CafeClient? late = null;
        foreach (var (voter, i) in voters.Select((v, i) => (v, i)))
        {
            // One after another: each its own commit, so its own seq.
            await voter.Invoke("Vote", new VoteRequest(poll, [i % 2]));
            if (i == 15)
            {
                // Joins mid-storm: what its group was sent after its snapshot is replayed to it, no snapshot refresh.
                late = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("En retard"));
            }
        }
        var after = (await facilitator.Snapshot()).Seq;
        await watcher.WaitForState(s => s.Seq == after, "the last vote");

        Assert.True(after - before >= 30, "each vote committed on its own");
        var storm = watcher.Arrivals.Skip(arrivalsBefore).ToList();
        Assert.True(storm.Count < 10, $"{storm.Count} messages for {after - before} commits");
        Assert.Contains(storm, a => a.From < a.Seq);
        Assert.Equal(30, watcher.State.Polls[poll].Results!.Voters);
        Assert.Equal(ClientState.Digest(await watcher.Snapshot()), watcher.State.Digest());
        await late!.WaitForState(s => s.Seq == after, "the late joiner's last vote");
        Assert.Equal(ClientState.Digest(await late.Snapshot()), late.State.Digest());
        Assert.Equal(0, late.Resyncs + watcher.Resyncs);
        await late.DisposeAsync();
        foreach (var voter in voters)
        {
            await voter.DisposeAsync();
        }
    }

    [Fact]
    public async Task Participants_are_not_sent_changes_that_carry_nothing_for_them_until_the_session_is_quiet()
    {
        using var data = new TempDirectory();
        // No pacing interval: without the rule, each vote's (empty) batch would go out on its own.
        await using var host = await GatewayHost.StartEmbedded(data.Path, "--Fanout:MinSendInterval=00:00:00");
        // Hidden results: a ballot changes what the staff and the projector see, not the participants.
        var (_, facilitator, poll, voters) = await Room(host, "Secret", new CreatePollRequest("Oui ?", PollKind.Single, ["oui", "non"], HideResults: true), 20);
        await using var _ = facilitator;
        var watcher = voters[0];
        var before = (await facilitator.Snapshot()).Seq;
        await watcher.WaitForState(s => s.Seq == before, "the joins");
        var arrivalsBefore = watcher.Arrivals.Count;

        // A vote slower than the quiet delay (a loaded machine) lets the session be quiet meanwhile:
        // those pauses are counted, each one may rightly flush what waited.
        var pauses = 0;
        var lastAt = Stopwatch.GetTimestamp();
        foreach (var (voter, i) in voters.Select((v, i) => (v, i)))
        {
            await voter.Invoke("Vote", new VoteRequest(poll, [i % 2]));
            pauses += Stopwatch.GetElapsedTime(lastAt) >= SendPacer.QuietDelay * 0.9 ? 1 : 0;
            lastAt = Stopwatch.GetTimestamp();
        }
        var after = (await facilitator.Snapshot()).Seq;
        Assert.True(after - before >= 20, "each vote committed on its own");
        // The seqs still reach the participants once the session has been quiet for a second: in one
        // batch (one more per pause), not one per vote, and every seq covered in order.
        await watcher.WaitForState(s => s.Seq == after, "the seqs of the votes");
        var storm = watcher.Arrivals.Skip(arrivalsBefore).ToList();
        Assert.InRange(storm.Count, 1, 1 + pauses);
        Assert.Equal(before + 1, storm[0].From);
        Assert.Equal(after, storm[^1].Seq);
        Assert.All(storm.Zip(storm.Skip(1)), pair => Assert.Equal(pair.First.Seq + 1, pair.Second.From));
        Assert.Null(watcher.State.Polls[poll].Results);
        Assert.Equal(ClientState.Digest(await watcher.Snapshot()), watcher.State.Digest());
        Assert.Equal(0, watcher.Resyncs);
        foreach (var voter in voters)
        {
            await voter.DisposeAsync();
        }
    }

    [Fact]
    public async Task Under_a_storm_a_large_participants_group_is_sent_slice_by_slice_and_every_screen_gets_every_change()
    {
        using var data = new TempDirectory();
        // Scaled down: more than 4 participants is "large", 3 slices of about 4, 100 ms apart, and a budget
        // small enough that the votes below make a storm (each send waits for the bucket). The sends
        // are recorded on their way to SignalR, in the order the gateway makes them.
        RecordingScreens? sends = null;
        await using var host = await GatewayHost.StartEmbedded(data.Path, builder => builder.Services.AddSingleton<IScreenSender>(services =>
                sends = new RecordingScreens(new HubScreenSender(services.GetRequiredService<IHubContext<CafeHub, ICafeScreen>>()))),
            "--Fanout:SliceAbove=4", "--Fanout:Slices=3", "--Fanout:ScreensPerSlice=4", "--Fanout:SlicePause=00:00:00.100", "--Fanout:ParticipantMessagesPerSecond=24");
        var (created, facilitator, poll, voters) = await Room(host, "Tranches", new CreatePollRequest("Oui ?", PollKind.Single, ["oui", "non"]), 12);
        await using var _ = facilitator;
        var before = (await facilitator.Snapshot()).Seq;
        foreach (var voter in voters)
        {
            await voter.WaitForState(s => s.Seq == before, "the joins");
        }

        await Task.WhenAll(voters.Select((voter, i) => voter.Invoke("Vote", new VoteRequest(poll, [i % 2]))));
        // Joins while slices go out: served between two slices, caught up, dealt into a slice.
        var late = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("En retard"));
        for (var round = 0; round < 2; round++)
        {
            // More commits while the first sends go out: the session stays busy.
            await Task.WhenAll(voters.Select((voter, i) => voter.Invoke("Vote", new VoteRequest(poll, [(i + round + 1) % 2]))));
        }
        var after = (await facilitator.Snapshot()).Seq;
        foreach (var voter in voters.Append(late))
        {
            await voter.WaitForState(s => s.Seq == after && s.Polls[poll].Results!.Voters == 12, "the last vote");
            Assert.Equal(ClientState.Digest(await voter.Snapshot()), voter.State.Digest());
            Assert.Equal(0, voter.Resyncs);
        }
        // A batch went to the participants slice by slice: one slice group per step, in turn, never
        // to the whole group. (The pause between steps is SendPacer's and ParticipantSlicer's unit tests'.)
        var slices = Enumerable.Range(0, 3).Select(k => SessionFanout.SliceGroupName(Guid.Parse(created.SessionId), k)).ToArray();
        var whole = SessionFanout.GroupName(Guid.Parse(created.SessionId), Audience.Participants);
        var changes = sends!.Sends.Where(x => x.Method == ScreenEvents.Changes).ToList();
        var slicedSeqs = changes.Where(x => x.To.All(slices.Contains)).GroupBy(x => ((ChangeBatch)x.Payload).Seq).ToList();
        // (During the joins, a smaller group went two slice groups a step: only the votes' sends are looked at.)
        Assert.Contains(slicedSeqs, steps => steps.Key > before && steps.Select(x => x.To.Length == 1 ? x.To[0] : null).SequenceEqual(slices));
        Assert.All(slicedSeqs, steps => Assert.DoesNotContain(changes, x => x.To.Contains(whole) && ((ChangeBatch)x.Payload).Seq == steps.Key));
        // The late joiner's screen was placed in a slice too.
        Assert.Equal(13, sends.Placed.Select(p => p.ConnectionId).Distinct().Count());
        foreach (var voter in voters.Append(late))
        {
            await voter.DisposeAsync();
        }
    }

    /// <summary>A started session with one open poll and <paramref name="count"/> joined participants.</summary>
    private static async Task<(SessionCreated Created, CafeClient Facilitator, string Poll, List<CafeClient> Voters)> Room(
        GatewayHost host, string title, CreatePollRequest request, int count)
    {
        var created = await CafeClient.CreateSession(host.BaseAddress, title);
        var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", request)).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        var voters = new List<CafeClient>();
        for (var i = 0; i < count; i++)
        {
            voters.Add(await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions($"V{i}")));
        }
        return (created, facilitator, poll, voters);
    }
}
