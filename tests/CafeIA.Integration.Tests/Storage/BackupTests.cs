using System.Collections.Concurrent;
using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Storage;

/// <summary>
/// `CafeIA.Silo backup --to FILE`, run as its own process while a vote storm goes on against the
/// embedded gateway: the copy holds every ballot acknowledged before the backup began, and a
/// gateway started on the restored copy (docs/OPERATIONS.md: the file becomes data/cafe.db) loads
/// the session with those ballots.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_during_a_vote_storm_restores_every_ballot_acknowledged_before_it_began()
    {
        using var live = new TempDirectory();
        using var restored = new TempDirectory();
        var backup = Path.Combine(live.Path, "backups", "cafe-backup.db");
        SessionCreated created;
        string poll;
        var acknowledged = new ConcurrentBag<(string Participant, long At)>();
        long began, ended;
        string printed;
        await using (var host = await GatewayHost.StartEmbedded(live.Path))
        {
            created = await CafeClient.CreateSession(host.BaseAddress, "Sauvegarde pendant le vote");
            await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await facilitator.Invoke("StartSession");
            poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Pour ou contre ?", PollKind.Single, ["pour", "contre"]))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(poll));

            // The storm: 24 voters at a time, each a new participant who joins, votes and leaves, until the backup is over.
            using var stop = new CancellationTokenSource();
            var storm = Enumerable.Range(0, 24).Select(lane => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    await using var voter = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions($"V{lane}-{n}", ParticipantMode.Onsite));
                    await voter.Invoke("Vote", new VoteRequest(poll, [(lane + n) % 2]));
                    acknowledged.Add((voter.ParticipantId, Stopwatch.GetTimestamp()));
                }
            })).ToList();
            await Eventually.Get(() => Task.FromResult(acknowledged.Count), n => n >= 50, "the storm under way", TimeSpan.FromSeconds(60));

            began = Stopwatch.GetTimestamp();
            (var exitCode, printed) = await ServiceProcess.Command("Silo", "CafeIA.Silo.dll",
                "backup", "--to", backup, $"--Storage:DataDirectory={live.Path}");
            ended = Stopwatch.GetTimestamp();
            Assert.True(exitCode == 0, $"backup failed ({exitCode}): {printed}");
            // A few more ballots after it, then stop.
            var atEnd = acknowledged.Count;
            await Eventually.Get(() => Task.FromResult(acknowledged.Count), n => n >= atEnd + 10, "ballots after the backup", TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await Task.WhenAll(storm);
        }

        var before = acknowledged.Where(a => a.At < began).Select(a => a.Participant).ToHashSet();
        var during = acknowledged.Count(a => a.At >= began && a.At <= ended);
        var inCopy = BallotVoters(backup, created.SessionId, poll);
        output.WriteLine(printed.Trim());
        output.WriteLine($"{acknowledged.Count} ballots acknowledged: {before.Count} before the backup began, {during} while it ran; the copy holds {inCopy.Count}.");
        Assert.NotEmpty(before);
        Assert.Empty(before.Except(inCopy));
        Assert.True(inCopy.Count < acknowledged.Count, "the copy holds ballots acknowledged after the backup: not a copy of one instant");

        // Restore (docs/OPERATIONS.md): the copy becomes the data folder's cafe.db; a gateway starts on it.
        File.Copy(backup, Path.Combine(restored.Path, "cafe.db"));
        await using (var host = await GatewayHost.StartEmbedded(restored.Path))
        {
            await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            var results = facilitator.State.Polls[poll].Results!;
            Assert.Equal(inCopy.Count, results.Voters);
            Assert.Equal(inCopy.Count, results.Counts.Sum());
        }
    }

    /// <summary>The participants whose ballot for this poll a store file holds (rows `b`, key `{pollId}/{voterId}`).</summary>
    private static HashSet<string> BallotVoters(string file, string sessionId, string pollId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT RowKey FROM CafeSessionRow WHERE SessionId = @id AND Kind = 'b' AND RowKey LIKE @prefix";
        command.Parameters.AddWithValue("@id", Guid.Parse(sessionId).ToString("N"));
        command.Parameters.AddWithValue("@prefix", pollId + "/%");
        var voters = new HashSet<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            voters.Add(reader.GetString(0)[(pollId.Length + 1)..]);
        }
        return voters;
    }
}
