using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A national programme of real cafés over the gateway's HTTP API and hub: the organiser creates it
/// and pushes opinions (<see cref="Push"/>); each café's facilitator joined it with the invitation.
/// Participants vote planted (<see cref="VoteAll"/>): block b of <see cref="PlantedOpinionCafe.Texts"/>
/// as <see cref="PlantedOpinionCafe.Planted"/> says for their group.
/// </summary>
internal sealed record OpinionProgramme(HttpClient Http, ProgrammeCreated Created, List<HubSession> Cafes) : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<OpinionProgramme> Start(Uri gateway, int cafes, string title)
    {
        var http = new HttpClient { BaseAddress = gateway };
        var created = (await (await http.PostAsJsonAsync("/api/programmes", new { title })).Content.ReadFromJsonAsync<ProgrammeCreated>(Json))!;
        var programme = new OpinionProgramme(http, created, []);
        for (var i = 0; i < cafes; i++)
        {
            var cafe = await HubSession.Start(gateway, $"{title} n°{i + 1}");
            await cafe.Facilitator.Invoke("JoinProgramme", new JoinProgrammeRequest(created.ProgrammeId, created.InviteKey));
            programme.Cafes.Add(cafe);
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.OrganiserKey);
        return programme;
    }

    /// <summary>The organiser pushes an opinion to every café (201 expected).</summary>
    public async Task<ProgrammeOpinionPushed> Push(PushOpinionRequest request)
    {
        var response = await Http.PostAsJsonAsync($"/api/programmes/{Created.ProgrammeId}/opinions", request, Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<ProgrammeOpinionPushed>(Json))!;
    }

    /// <summary>The café's copy of a pushed opinion, as this client sees it.</summary>
    public static async Task<OpinionView> CafeOpinion(CafeClient client, string programmeOpinionId) =>
        (await client.Snapshot()).Opinions!.Single(o => o.NationalOpinionId == programmeOpinionId);

    /// <summary>Votes every statement the server hands this client, as its planted group would.</summary>
    public static async Task VoteAll(CafeClient client, string programmeOpinionId, int group)
    {
        var opinion = await Eventually.Get(() => CafeOpinion(client, programmeOpinionId), o => o.Next is not null, "a first statement");
        var blocks = opinion.Statements.ToDictionary(s => s.Id, s => PlantedOpinionCafe.BlockOf(s.Text));
        var next = opinion.Next;
        while (next is not null)
        {
            next = (await client.Invoke<StatementVoted>("VoteStatement",
                new VoteStatementRequest(opinion.Id, next, PlantedOpinionCafe.Planted(group, blocks[next]), OpId: $"v-{next}"))).Next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cafe in Cafes)
        {
            await cafe.DisposeAsync();
        }
        Http.Dispose();
    }
}
