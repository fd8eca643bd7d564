using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// A national programme of 20 cafés: the organiser pushes a poll to all of them; after a scripted
/// vote every café's own counts and the national counts are exact, split on site / remote, and
/// screens see the national count move while the votes come in.
/// </summary>
public sealed class ProgrammeTests(EmbeddedGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<EmbeddedGatewayFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task A_programme_poll_over_20_cafes_counts_exactly_per_cafe_and_nationally_and_the_national_count_moves_live()
    {
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        var programme = (await (await http.PostAsJsonAsync("/api/programmes", new { title = "Journée nationale Café IA" })).Content.ReadFromJsonAsync<ProgrammeCreated>(Json))!;
        var clients = new List<CafeClient>();
        var cafes = new List<(CafeClient Facilitator, CafeClient[] Voters)>();
        for (var i = 0; i < 20; i++)
        {
            var created = await CafeClient.CreateSession(gateway.BaseAddress, $"Café IA n°{i + 1}");
            var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await facilitator.Invoke("StartSession");
            if (i == 0)
            {
                Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => facilitator.Invoke("JoinProgramme", new JoinProgrammeRequest(programme.ProgrammeId, "not-the-key"))));
            }
            await facilitator.Invoke("JoinProgramme", new JoinProgrammeRequest(programme.ProgrammeId, programme.InviteKey));
            // Café i: i % 3 + 1 voters on site, 1 remote.
            var voters = new List<CafeClient>();
            for (var v = 0; v < i % 3 + 2; v++)
            {
                voters.Add(await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions($"V{v}", v == 0 ? ParticipantMode.Remote : ParticipantMode.Onsite)));
            }
            cafes.Add((facilitator, [.. voters]));
            clients.Add(facilitator);
            clients.AddRange(voters);
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync($"/api/programmes/{programme.ProgrammeId}/polls", new CreatePollRequest("?", PollKind.Single, ["a", "b"]), Json)).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", programme.OrganiserKey);
        var pushed = (await (await http.PostAsJsonAsync($"/api/programmes/{programme.ProgrammeId}/polls",
            new CreatePollRequest("L'IA doit-elle être régulée ?", PollKind.Single, ["oui", "non", "je ne sais pas"]), Json)).Content.ReadFromJsonAsync<ProgrammePollPushed>(Json))!;
        Assert.Equal((20, 20), (pushed.Sessions, pushed.Opened));

        var watcher = cafes[0].Voters[1];
        int[] expectedCounts = [0, 0, 0], expectedOnsite = [0, 0, 0], expectedRemote = [0, 0, 0];
        foreach (var ((facilitator, voters), i) in cafes.Select((c, i) => (c, i)))
        {
            var poll = (await facilitator.Snapshot()).Polls.Single(p => p.ProgrammePollId == pushed.ProgrammePollId);
            Assert.Equal(PollState.Open, poll.State);
            foreach (var (voter, v) in voters.Select((x, v) => (x, v)))
            {
                var choice = (i + v) % 3;
                await voter.Invoke("Vote", new VoteRequest(poll.Id, [choice]));
                expectedCounts[choice]++;
                (v == 0 ? expectedRemote : expectedOnsite)[choice]++;
            }
            // Each café's own result is exactly its own votes.
            var own = (await facilitator.Snapshot()).Polls.Single(p => p.Id == poll.Id).Results!;
            Assert.Equal(voters.Length, own.Voters);
            Assert.Equal(1, own.VotersRemote);
            if (i == 9)
            {
                // Halfway: a screen of café 1 sees the national count grow past café 1's own votes.
                await Eventually.Get(() => Task.FromResult(watcher.ProgrammeUpdates), u => u.Any(p => Voters(p, pushed) > 5 && Voters(p, pushed) < 40), "a partial national count");
            }
        }

        var total = expectedCounts.Sum();
        var final = await Eventually.Get(() => Task.FromResult(watcher.ProgrammeUpdates is { Count: > 0 } u ? u[^1] : null), p => p is not null && Voters(p, pushed) == total, "the exact national count on a screen", TimeSpan.FromSeconds(15));
        var national = final!.Polls.Single(p => p.ProgrammePollId == pushed.ProgrammePollId).National;
        Assert.Equal(expectedCounts, national.Counts);
        Assert.Equal(expectedOnsite, national.Onsite);
        Assert.Equal(expectedRemote, national.Remote);
        Assert.Equal((20, 20), (national.Sessions, national.VotersRemote));
        var fromApi = (await http.GetFromJsonAsync<ProgrammeView>($"/api/programmes/{programme.ProgrammeId}", Json))!;
        Assert.Equal(expectedCounts, fromApi.Polls.Single().National.Counts);
        output.WriteLine($"{total} votes in 20 cafés; the screen saw {watcher.ProgrammeUpdates.Count} national updates");
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_programmes_national_tally_adds_up_the_hands_counted_in_each_cafe()
    {
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        var programme = (await (await http.PostAsJsonAsync("/api/programmes", new { title = "Journée des mains levées" })).Content.ReadFromJsonAsync<ProgrammeCreated>(Json))!;
        var clients = new List<CafeClient>();
        var cafes = new List<(CafeClient Facilitator, CafeClient Voter)>();
        for (var i = 0; i < 2; i++)
        {
            var created = await CafeClient.CreateSession(gateway.BaseAddress, $"Café IA à mains levées n°{i + 1}");
            var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await facilitator.Invoke("StartSession");
            await facilitator.Invoke("JoinProgramme", new JoinProgrammeRequest(programme.ProgrammeId, programme.InviteKey));
            var voter = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("V", ParticipantMode.Onsite));
            cafes.Add((facilitator, voter));
            clients.AddRange([facilitator, voter]);
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", programme.OrganiserKey);
        var pushed = (await (await http.PostAsJsonAsync($"/api/programmes/{programme.ProgrammeId}/polls",
            new CreatePollRequest("Avez-vous un smartphone ?", PollKind.Single, ["oui", "non"]), Json)).Content.ReadFromJsonAsync<ProgrammePollPushed>(Json))!;
        int[][] hands = [[0, 5], [2, 3]];
        foreach (var ((facilitator, voter), i) in cafes.Select((c, i) => (c, i)))
        {
            var poll = (await facilitator.Snapshot()).Polls.Single(p => p.ProgrammePollId == pushed.ProgrammePollId);
            await voter.Invoke("Vote", new VoteRequest(poll.Id, [0]));
            await facilitator.Invoke("RecordHandCount", new HandCountRequest(poll.Id, hands[i]));
        }

        var watcher = cafes[0].Voter;
        var final = await Eventually.Get(() => Task.FromResult(watcher.ProgrammeUpdates is { Count: > 0 } u ? u[^1] : null),
            p => p is not null && Voters(p, pushed) == 12, "the national count with the hands", TimeSpan.FromSeconds(15));
        var national = final!.Polls.Single(p => p.ProgrammePollId == pushed.ProgrammePollId).National;
        Assert.Equal([2, 8], national.NoDevice!);
        Assert.Equal([4, 8], national.Counts);
        Assert.Equal([2, 0], national.Onsite);
        Assert.Equal((2, 10, 2), (national.VotersOnsite, national.VotersNoDevice, national.Sessions));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    private static int Voters(ProgrammeView view, ProgrammePollPushed pushed) =>
        view.Polls.SingleOrDefault(p => p.ProgrammePollId == pushed.ProgrammePollId)?.National.Voters ?? 0;
}
