using CafeIA.Integration.Tests.Infrastructure;
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
        var created = await CafeClient.CreateSession(host.BaseAddress, "Tempête");
        await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Oui ?", PollKind.Single, ["oui", "non"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        var voters = new List<CafeClient>();
        for (var i = 0; i < 30; i++)
        {
            voters.Add(await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions($"V{i}")));
        }
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
}
