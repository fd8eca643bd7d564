using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// An opinion map across a national programme, over real SignalR: the organiser's push reaches
/// every café; statements approved in one café reach the others only once the organiser allows
/// the pool; planted groups spread over several cafés are found in the national map, which every
/// café's staff, projector and participants receive, though the programme's inputs are sums and clusters.
/// </summary>
public sealed class ProgrammeOpinionTests(EmbeddedGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<EmbeddedGatewayFixture>
{
    private static readonly JsonSerializerOptions Json = OpinionProgramme.Json;
    private static readonly string[] Texts = PlantedOpinionCafe.Texts;

    private Task<OpinionProgramme> StartProgramme(int cafes, string title) => OpinionProgramme.Start(gateway.BaseAddress, cafes, title);

    private static Task<ProgrammeOpinionPushed> Push(OpinionProgramme programme, PushOpinionRequest request) => programme.Push(request);

    private static Task<OpinionView> CafeOpinion(CafeClient client, string programmeOpinionId) => OpinionProgramme.CafeOpinion(client, programmeOpinionId);

    [Fact]
    public async Task A_pushed_opinion_reaches_every_cafe_and_a_cafes_statements_join_the_others_only_when_the_organiser_allows_the_pool()
    {
        await using var programme = await StartProgramme(3, "Journée des avis");
        var participants = new List<CafeClient>();
        foreach (var cafe in programme.Cafes)
        {
            participants.Add(await cafe.Participant("Camille", ParticipantMode.Onsite));
        }

        // Only the organiser's key pushes.
        using (var stranger = new HttpClient { BaseAddress = gateway.BaseAddress })
        {
            stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", programme.Created.InviteKey);
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/programmes/{programme.Created.ProgrammeId}/opinions",
                new PushOpinionRequest("L'IA et nous", ["Une"]), Json)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await programme.Http.PostAsJsonAsync($"/api/programmes/{programme.Created.ProgrammeId}/opinions",
            new PushOpinionRequest(" ", ["Une"]), Json)).StatusCode);

        var pushed = await Push(programme, new PushOpinionRequest("L'IA dans le service public", Texts[..3], PoolStatements: false));
        Assert.Equal((3, 3, 3), (pushed.Sessions, pushed.Created, pushed.Opened));
        foreach (var (cafe, phone) in programme.Cafes.Zip(participants))
        {
            var staff = await CafeOpinion(cafe.Facilitator, pushed.ProgrammeOpinionId);
            Assert.Equal(OpinionState.Open, staff.State);
            Assert.Equal(Texts[..3], staff.Statements.Select(s => s.Text));
            Assert.NotNull((await CafeOpinion(phone, pushed.ProgrammeOpinionId)).Next);
        }

        // Pool off: café 1's approved statement is held by the programme, not sent to the others.
        var first = await CafeOpinion(participants[0], pushed.ProgrammeOpinionId);
        const string Held = "Chaque mairie doit former ses agents";
        await participants[0].Invoke<StatementAdded>("AddStatement", new AddStatementRequest(first.Id, Held));
        var opinionUrl = $"/api/programmes/{programme.Created.ProgrammeId}/opinions/{pushed.ProgrammeOpinionId}";
        var held = await Eventually.Get(() => programme.Http.GetFromJsonAsync<ProgrammeOpinionView>(opinionUrl, Json), v => v!.Offered == 1, "the statement offered to the pool");
        Assert.Equal(3, held!.Statements.Length);
        Assert.DoesNotContain((await CafeOpinion(programme.Cafes[1].Facilitator, pushed.ProgrammeOpinionId)).Statements, s => s.Text == Held);

        // The organiser allows the pool: the held statement reaches the other cafés as approved, once, without its author.
        using (var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync($"{opinionUrl}/pool", new OpinionPoolRequest(true), Json)).StatusCode);
        }
        var pool = await (await programme.Http.PostAsJsonAsync($"{opinionUrl}/pool", new OpinionPoolRequest(true), Json)).Content.ReadFromJsonAsync<ProgrammeOpinionView>(Json);
        Assert.Equal([.. Texts[..3], Held], pool!.Statements.Select(s => s.Text));
        Assert.All(pool.Statements, s => Assert.Null(s.OriginSession));
        foreach (var (cafe, phone) in programme.Cafes.Zip(participants).Skip(1))
        {
            var seen = await Eventually.Get(() => CafeOpinion(phone, pushed.ProgrammeOpinionId), o => o.Statements.Any(s => s.Text == Held), "the pooled statement in another café");
            var statement = seen.Statements.Single(s => s.Text == Held);
            Assert.Equal(StatementStatus.Approved, statement.Status);
            Assert.False(statement.Mine);
            await phone.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(seen.Id, statement.Id, StatementVote.Agree));
        }
        // Its own café keeps one copy (linked, not copied back).
        Assert.Single((await CafeOpinion(programme.Cafes[0].Facilitator, pushed.ProgrammeOpinionId)).Statements, s => s.Text == Held);

        // Pool on: a statement approved now travels at once; off again: the next one is held.
        const string Pooled = "Les usagers doivent pouvoir refuser l'IA";
        var third = await CafeOpinion(participants[2], pushed.ProgrammeOpinionId);
        await participants[2].Invoke<StatementAdded>("AddStatement", new AddStatementRequest(third.Id, Pooled));
        await Eventually.Get(() => CafeOpinion(participants[0], pushed.ProgrammeOpinionId),
            o => o.Statements.Any(s => s.Text == Pooled), "a statement pooled while the pool is on");
        await programme.Http.PostAsJsonAsync($"{opinionUrl}/pool", new OpinionPoolRequest(false), Json);
        await participants[1].Invoke<StatementAdded>("AddStatement", new AddStatementRequest((await CafeOpinion(participants[1], pushed.ProgrammeOpinionId)).Id, "Un registre public des algorithmes"));
        var off = await Eventually.Get(() => programme.Http.GetFromJsonAsync<ProgrammeOpinionView>(opinionUrl, Json), v => v!.Offered == 1, "the statement held again");
        Assert.Equal(5, off!.Statements.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await programme.Http.PostAsJsonAsync($"/api/programmes/{programme.Created.ProgrammeId}/opinions/no99/pool", new OpinionPoolRequest(true), Json)).StatusCode);
    }

    [Fact]
    public async Task Planted_groups_spread_over_six_cafes_are_found_in_the_national_map_that_every_cafes_screens_and_phones_receive()
    {
        const int Cafes = 6, PerCafe = 6;
        await using var programme = await StartProgramme(Cafes, "Journée de la carte nationale");
        var phones = new List<(int Cafe, CafeClient Client, int Group)>();
        var projectors = new List<CafeClient>();
        for (var c = 0; c < Cafes; c++)
        {
            projectors.Add(await programme.Cafes[c].Projector());
            for (var i = 0; i < PerCafe; i++)
            {
                // Every planted group in every café: group (c + i) mod 3.
                phones.Add((c, await programme.Cafes[c].Participant($"P{c}-{i}", i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote), (c + i) % PlantedOpinionCafe.Groups));
            }
        }
        var pushed = await Push(programme, new PushOpinionRequest("L'IA dans le service public", Texts));
        await Task.WhenAll(phones.Select(p => OpinionProgramme.VoteAll(p.Client, pushed.ProgrammeOpinionId, p.Group)));

        // Every café's staff sees the national map of all 36 people, and each phone its national group.
        var settled = await Eventually.Get(async () =>
        {
            var staff = await Task.WhenAll(programme.Cafes.Select(c => CafeOpinion(c.Facilitator, pushed.ProgrammeOpinionId)));
            var mine = await Task.WhenAll(phones.Select(p => CafeOpinion(p.Client, pushed.ProgrammeOpinionId)));
            return (Staff: staff, Mine: mine);
        }, s => s.Staff.All(o => o.National is { People: Cafes * PerCafe, Groups.Length: >= 2 }) && s.Mine.All(o => o.NationalGroup is not null),
            "the national map in every café", TimeSpan.FromSeconds(90));
        var national = settled.Staff[0].National!;
        var planted = phones.Select(p => p.Group).ToArray();
        var found = settled.Mine.Select(o => o.NationalGroup!.Value).ToArray();
        var ari = AdjustedRand.Index(planted, found);
        output.WriteLine($"national groups {string.Join(", ", national.Groups.Select(g => $"{g.Id}: {g.Size}"))}; adjusted Rand index {ari:F3}");
        Assert.True(ari >= 0.9, $"adjusted Rand index {ari:F3} against the planted groups");
        Assert.Equal(Cafes * PerCafe, national.Groups.Sum(g => g.Size));
        Assert.Equal(Cafes, national.Cafes);

        foreach (var (cafe, c) in programme.Cafes.Select((x, c) => (x, c)))
        {
            var staff = settled.Staff[c];
            var text = staff.Statements.ToDictionary(s => s.Id, s => s.Text);
            // Consensus and representative statements name this café's own statement ids.
            Assert.Equal(PlantedOpinionCafe.Consensus, text[staff.National!.Consensus[0].StatementId]);
            Assert.All(staff.National.Groups.SelectMany(g => g.Representative), r => Assert.Contains(r.StatementId, text.Keys));
            // The staff see this café's people on the national plane, as weighted dots coloured by national group.
            Assert.Equal(PerCafe, staff.National.Here!.Sum(d => d.Weight));
            Assert.NotEmpty(staff.National.Map!);
            Assert.All(staff.National.Map!, d => Assert.InRange(Math.Max(Math.Abs(d.X), Math.Abs(d.Y)), 0, 1));
            // The projector receives it as an event; phones get groups without dots.
            var shown = await projectors[c].WaitFor<OpinionNationalChanged>(e => e.National.People == Cafes * PerCafe, TimeSpan.FromSeconds(30));
            Assert.NotNull(shown.National.Map);
            Assert.All(settled.Mine.Where((_, i) => phones[i].Cafe == c), o => Assert.Null(o.National!.Map));
        }
    }

    [Fact]
    public void The_programme_and_its_shards_take_sums_and_clusters_never_a_cafes_votes()
    {
        // Votes travel only to a café's own map grain; every input of the national stages is built of sums and clusters.
        Type[] votes = [typeof(MapVote), typeof(OpinionVotes), typeof(OpinionFeed), typeof(MapPointResult)];
        foreach (var stage in new[] { typeof(IProgrammeOpinionGrain), typeof(IProgrammeShardGrain), typeof(IProgrammeGrain) })
        {
            foreach (var parameter in stage.GetMethods().SelectMany(m => m.GetParameters()))
            {
                Assert.DoesNotContain(Reachable(parameter.ParameterType), t => votes.Contains(t));
            }
        }
        Assert.Contains(typeof(MapVote), Reachable(typeof(OpinionFeed)));
        Assert.Contains(typeof(OpinionAggregateReport), Reachable(typeof(ShardOpinionTotals)));
    }

    /// <summary>Every type a value of this type can hold (properties, elements, generic arguments).</summary>
    private static HashSet<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var todo = new Stack<Type>([root]);
        while (todo.TryPop(out var type))
        {
            if (!seen.Add(type) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType && !type.IsArray)
            {
                continue;
            }
            if (type.IsArray)
            {
                todo.Push(type.GetElementType()!);
            }
            foreach (var argument in type.GetGenericArguments())
            {
                todo.Push(argument);
            }
            if (type.Namespace?.StartsWith("CafeIA", StringComparison.Ordinal) == true)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    todo.Push(property.PropertyType);
                }
            }
        }
        return seen;
    }
}
