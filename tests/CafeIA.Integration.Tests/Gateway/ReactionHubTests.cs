using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Live reactions over real SignalR sockets: coalesced bursts reach the projector and the staff
/// and never a participant's phone; the refusals (invalid, closed, rate-limited, forbidden); the
/// counts per minute in the report, its CSV and its schema.
/// </summary>
public sealed class ReactionHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>, IAsyncLifetime
{
    private HubSession _session = null!;
    private SessionCreated _created = null!;
    private CafeClient _facilitator = null!, _moderator = null!, _alice = null!, _bob = null!, _projector = null!;

    public async Task InitializeAsync()
    {
        // Everyone joins before the session starts.
        _session = await HubSession.Start(gateway.BaseAddress, "Café IA en direct", live: false, facilitatorMode: ParticipantMode.Onsite);
        _created = _session.Created;
        _facilitator = _session.Facilitator;
        _moderator = await Join(new JoinOptions("Modé", Key: _created.ModeratorKey));
        _alice = await Join(new JoinOptions("Alice", ParticipantMode.Onsite));
        _bob = await Join(new JoinOptions("Bob", ParticipantMode.Remote));
        _projector = await Join(new JoinOptions(Key: _created.ProjectorKey));
        await _facilitator.Invoke("StartSession");
    }

    public Task DisposeAsync() => _session.DisposeAsync().AsTask();

    private Task<CafeClient> Join(JoinOptions options) => _session.Join(options);

    private static int Total(IReadOnlyList<ReactionBurst> bursts) => bursts.Sum(b => b.Onsite + b.Remote);

    private static Task React(CafeClient who, string kind) => who.Invoke("React", new ReactRequest(kind));

    /// <summary>A change every screen receives after what came before it: once a phone has it, a burst sent to it would have arrived.</summary>
    private async Task Barrier(params CafeClient[] screens)
    {
        var question = (await _facilitator.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Et maintenant ?"))).QuestionId;
        foreach (var screen in screens)
        {
            await screen.WaitFor<QuestionAsked>(e => e.Question.Id == question);
        }
    }

    [Fact]
    public async Task Reactions_reach_the_projector_and_the_staff_coalesced_split_by_mode_and_no_participant_receives_them()
    {
        var snapshot = await _alice.Snapshot();
        Assert.Equal(new Reactions(true, ["👏", "❤️", "😂", "🤔", "👍"]), snapshot.Reactions);
        var room = new List<CafeClient>();
        for (var i = 0; i < 10; i++)
        {
            room.Add(await Join(new JoinOptions($"P{i}", i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote)));
        }

        // Twenty taps at once from ten phones (two each, within the per-connection budget).
        await Task.WhenAll(room.Select((phone, i) => Task.WhenAll(React(phone, "👏"), React(phone, i < 4 ? "❤️" : "😂"))));

        foreach (var screen in new[] { _projector, _facilitator, _moderator })
        {
            var bursts = await screen.WaitForReactions(b => Total(b) >= 20, "the twenty reactions");
            Assert.Equal(20, Total(bursts));
            Assert.Equal((10, 10), (bursts.Sum(b => b.Onsite), bursts.Sum(b => b.Remote)));
            Assert.Equal((10, 4, 6), (bursts.Sum(b => b.Counts.GetValueOrDefault("👏")), bursts.Sum(b => b.Counts.GetValueOrDefault("❤️")),
                bursts.Sum(b => b.Counts.GetValueOrDefault("😂"))));
            // Coalesced: one tally per gateway flush, one burst per half second at most, not one event per tap.
            Assert.InRange(bursts.Count, 1, 3);
        }
        await Barrier([_alice, _bob, .. room]);
        foreach (var phone in new[] { _alice, _bob }.Concat(room))
        {
            Assert.Empty(phone.ReactionBursts);
        }
    }

    [Fact]
    public async Task An_unknown_kind_is_invalid_the_projector_may_not_react_and_a_participant_may_not_set_reactions()
    {
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => React(_alice, "🍕")));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _alice.Invoke("React", new ReactRequest(null))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => React(_projector, "👏")));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => _alice.Invoke("SetReactions", new ReactionsRequest(false))));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => _facilitator.Invoke("SetReactions", new ReactionsRequest(true, ["👏", "👏"]))));
        Assert.Equal(Reactions.Default, (await _facilitator.Snapshot()).Reactions);
        // The pages add an opId to every call: a reaction takes it and ignores it (a retry is a new reaction).
        await _alice.Invoke("React", new { kind = "👏", opId = "tap-1" });
        await _projector.WaitForReactions(b => Total(b) >= 1, "the reaction sent with an opId");
    }

    [Fact]
    public async Task Switched_off_reactions_are_closed_new_kinds_reach_everyone_and_a_connection_over_its_budget_is_rate_limited()
    {
        await _moderator.Invoke("SetReactions", new ReactionsRequest(false));
        foreach (var screen in new[] { _alice, _bob, _projector, _facilitator })
        {
            await screen.WaitFor<ReactionsChanged>(e => !e.Reactions.Enabled);
        }
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() => React(_alice, "👏")));

        await _facilitator.Invoke("SetReactions", new ReactionsRequest(true, ["🎉", "💡"]));
        await _bob.WaitFor<ReactionsChanged>(e => e.Reactions == new Reactions(true, ["🎉", "💡"]));
        Assert.Equal(new Reactions(true, ["🎉", "💡"]), (await _bob.Snapshot()).Reactions);
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => React(_alice, "👏")));

        // A budget of five, refilled at two a second: the sixth tap in a row is refused and not counted.
        for (var i = 0; i < 5; i++)
        {
            await React(_bob, "💡");
        }
        Assert.Equal(RefusalCodes.RateLimited, await CafeClient.RefusalCode(() => React(_bob, "💡")));
        await React(_alice, "🎉"); // another connection has its own budget
        var bursts = await _projector.WaitForReactions(b => b.Sum(x => x.Counts.GetValueOrDefault("💡") + x.Counts.GetValueOrDefault("🎉")) >= 6, "six reactions");
        await Barrier(_projector);
        bursts = _projector.ReactionBursts;
        Assert.Equal((5, 1), (bursts.Sum(b => b.Counts.GetValueOrDefault("💡")), bursts.Sum(b => b.Counts.GetValueOrDefault("🎉"))));
        Assert.Equal((1, 5), (bursts.Sum(b => b.Onsite), bursts.Sum(b => b.Remote)));
        // The budget refills: a tap a moment later is taken again.
        await Eventually.Get(async () => await TryReact(_bob, "💡"), ok => ok, "the reaction budget to refill");
    }

    private static async Task<bool> TryReact(CafeClient who, string kind)
    {
        try
        {
            await React(who, kind);
            return true;
        }
        catch (CallRefusedException e) when (e.Code == RefusalCodes.RateLimited)
        {
            return false;
        }
    }

    [Fact]
    public async Task Reaction_counts_per_minute_by_mode_go_into_the_report_and_its_CSV_and_the_report_validates()
    {
        await React(_alice, "👏");
        await React(_alice, "👏");
        await React(_bob, "👏");
        await React(_bob, "🤔");
        await _projector.WaitForReactions(b => Total(b) >= 4, "the four reactions");

        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _created.FacilitatorKey);
        var json = await http.GetStringAsync($"/api/sessions/{_created.JoinCode}/report");
        ReportSchema.AssertValid(json);

        var reactions = JsonDocument.Parse(json).RootElement.GetProperty("reactions");
        Assert.Equal((4, 2, 2), (reactions.GetProperty("total").GetInt32(), reactions.GetProperty("onsite").GetInt32(), reactions.GetProperty("remote").GetInt32()));
        var byKind = reactions.GetProperty("byKind").EnumerateArray()
            .Select(k => (k.GetProperty("kind").GetString(), k.GetProperty("count").GetInt32(), k.GetProperty("onsite").GetInt32(), k.GetProperty("remote").GetInt32())).ToList();
        Assert.Equal([("👏", 3, 2, 1), ("🤔", 1, 0, 1)], byKind);
        var minutes = reactions.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(4, minutes.Sum(m => m.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32())));
        Assert.All(minutes, m => Assert.Equal(0, m.GetProperty("at").GetDateTimeOffset().Second));

        using var zip = new ZipArchive(await http.GetStreamAsync($"/api/sessions/{_created.JoinCode}/report.zip"));
        using var reader = new StreamReader(zip.GetEntry("reactions.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("minute,kind,count,onsite,remote", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(4, rows.Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(3, rows.Where(r => r[1] == "👏").Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(2, rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
    }
}
