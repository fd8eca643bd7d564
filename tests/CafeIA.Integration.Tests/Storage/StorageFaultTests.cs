using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Net.Http.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Storage;

/// <summary>
/// The embedded default with its data folder on a small disk that fills up (a real tmpfs, as
/// root): calls that needed a write (a ballot, a newcomer's join) are refused `unavailable` and change nothing, readiness says
/// degraded, the failures are counted; once space is freed the same call, retried with its opId,
/// is applied once, and nothing acknowledged before was lost.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_disk_refuses_writes_as_unavailable_and_the_session_resumes_once_space_is_freed()
    {
        using var folder = new TempDirectory();
        var disk = Path.Combine(folder.Path, "disk");
        Directory.CreateDirectory(disk);
        Run("mount", $"-t tmpfs -o size=4m tmpfs {disk}");
        try
        {
            await using var host = await GatewayHost.StartEmbedded(disk);
            using var http = host.Http();
            var created = await CafeClient.CreateSession(host.BaseAddress, "Café IA sur un disque plein");
            await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await facilitator.Invoke("StartSession");
            await using var alice = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Plutôt :", PollKind.Single, ["oui", "non"]))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(poll));
            await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Posée avant ?"));

            // Fill the disk, then change a ballot until a write no longer fits (SQLite may still have room in its files).
            var filler = Path.Combine(disk, "filler");
            Fill(filler);
            string? refused = null;
            var lastAcknowledged = -1;
            for (var i = 0; i < 25 && refused is null; i++)
            {
                var opId = $"full-disk-{i}";
                var ballot = new VoteRequest(poll, [i % 2], OpId: opId);
                try
                {
                    await alice.Invoke("Vote", ballot);
                    lastAcknowledged = i % 2;
                }
                catch (Microsoft.AspNetCore.SignalR.HubException)
                {
                    Assert.Equal(RefusalCodes.Unavailable, await CafeClient.RefusalCode(() => alice.Invoke("Vote", ballot)));
                    refused = opId;
                }
            }
            Assert.NotNull(refused);
            var refusedChoice = int.Parse(refused["full-disk-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 2;
            output.WriteLine($"the write of {refused} did not fit; the last acknowledged ballot chose {lastAcknowledged}");

            // A newcomer's join needs a write too: refused with the same code, not "an unexpected error".
            await using var late = await CafeClient.Connect(host.BaseAddress);
            var joinCode = await CafeClient.RefusalCode(() => late.Hub.Call<JoinResult>("JoinSession", created.JoinCode, new JoinOptions("Bob")));
            Assert.Equal(RefusalCodes.Unavailable, joinCode);

            // Creating a café needs a write too: a 503 with the protocol's error body.
            using var creation = await http.PostAsJsonAsync("/api/sessions", new { title = "Un autre café" });
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, creation.StatusCode);
            Assert.True(creation.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {creation.Headers.RetryAfter}");
            Assert.Equal(RefusalCodes.Unavailable, (await creation.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());

            var ready = await http.GetStringAsync("/health/ready");
            Assert.Equal("Degraded", ready);
            var metrics = await http.GetStringAsync("/metrics");
            Assert.Matches("cafeia_storage_failures_total(\\{[^}]*\\})? [1-9]", metrics);

            // Space freed: the same call, with the same opId, goes through once; the session never restarted.
            File.Delete(filler);
            await Eventually.Get(
                async () => { try { await alice.Invoke("Vote", new VoteRequest(poll, [refusedChoice], OpId: refused)); return true; } catch (Microsoft.AspNetCore.SignalR.HubException) { return false; } },
                ok => ok, "the refused ballot recorded once space is back", TimeSpan.FromSeconds(20));
            await Eventually.Get(() => http.GetStringAsync("/health/ready"), s => s == "Healthy", "readiness healthy again");

            var results = (await facilitator.Snapshot()).Polls.Single(p => p.Id == poll).Results!;
            Assert.Equal(1, results.Voters);
            Assert.Equal(1, results.Counts[refusedChoice]);
            await using var bob = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("Bob"));
            Assert.Contains((await bob.Snapshot()).Questions, q => q.Text == "Posée avant ?");
        }
        finally
        {
            Run("umount", $"-l {disk}");
        }
    }

    /// <summary>
    /// Only a write ends a streak of failures: once space is freed and nobody writes any more (the
    /// room went quiet), the store probe's own small write turns readiness healthy again by itself.
    /// </summary>
    [Fact]
    public async Task Once_space_is_freed_readiness_turns_healthy_without_any_session_write()
    {
        using var folder = new TempDirectory();
        var disk = Path.Combine(folder.Path, "disk");
        Directory.CreateDirectory(disk);
        Run("mount", $"-t tmpfs -o size=4m tmpfs {disk}");
        try
        {
            await using var host = await GatewayHost.StartEmbedded(disk);
            using var http = host.Http();
            var health = host.Services.GetRequiredService<StorageHealth>();
            var created = await CafeClient.CreateSession(host.BaseAddress, "Café IA que tout le monde quitte");
            await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await facilitator.Invoke("StartSession");
            var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Plutôt :", PollKind.Single, ["oui", "non"]))).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(poll));
            await using var alice = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));

            var filler = Path.Combine(disk, "filler");
            Fill(filler);
            var refused = false;
            for (var i = 0; i < 25 && !refused; i++)
            {
                try
                {
                    await alice.Invoke("Vote", new VoteRequest(poll, [i % 2], OpId: $"full-{i}"));
                }
                catch (CallRefusedException ex)
                {
                    Assert.Equal(RefusalCodes.Unavailable, ex.Code);
                    refused = true;
                }
            }
            Assert.True(refused, "a write was refused on the full disk");
            Assert.True(health.Failing);
            Assert.Equal("Degraded", await http.GetStringAsync("/health/ready"));

            // Nobody calls any more, so no session writes anything; the disk gets its space back.
            File.Delete(filler);
            await Eventually.Get(() => http.GetStringAsync("/health/ready"), s => s == "Healthy",
                "readiness healthy again through the probe alone", TimeSpan.FromSeconds(15));
            Assert.False(health.Failing);
        }
        finally
        {
            Run("umount", $"-l {disk}");
        }
    }

    /// <summary>Writes until the disk says it is full.</summary>
    private static void Fill(string path)
    {
        var block = new byte[16 * 1024];
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on the device (thrown by a write or by the close): that is the point.
        }
        Assert.True(new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace < block.Length, "the disk is full");
    }

    private static void Run(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {arguments} failed ({process.StandardError.ReadToEnd().Trim()}): this test mounts a small tmpfs and needs root, as ./test.sh runs in CI");
    }
}
