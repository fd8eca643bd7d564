using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The map of cafés over HTTP and the hub: publishing, statuses, and registrations against a capacity.</summary>
public sealed class CafeMapTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task A_published_cafe_is_listed_follows_its_session_and_leaves_the_map_when_withdrawn()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA à Lyon");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);

        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() =>
            facilitator.Invoke("PublishCafe", new CafeListingRequest("Lyon", startsAt, Latitude: 95, Longitude: 4.8))));
        Assert.Null(await Listed(created.SessionId));

        await facilitator.Invoke("PublishCafe", new CafeListingRequest("Bibliothèque de la Part-Dieu, Lyon", startsAt, CafeFormat.Hybrid, "Médiathèques de Lyon", 45.7606, 4.8566, 30));
        // The map follows the session one-way, just after the change is stored and sent.
        var listed = (await Eventually.Get(() => Listed(created.SessionId), l => l is not null, "the café on the map"))!;
        Assert.Equal(("Café IA à Lyon", created.JoinCode, CafeFormat.Hybrid, CafeStatus.Upcoming, 30, 0),
            (listed.Title, listed.JoinCode, listed.Format, listed.Status, listed.Capacity, listed.Registered));
        Assert.Equal("Médiathèques de Lyon", listed.Organiser);
        Assert.Equal(CafeFormat.Hybrid, (await facilitator.Snapshot()).Listing!.Format);

        await facilitator.Invoke("StartSession");
        await Eventually.Get(() => Listed(created.SessionId), l => l!.Status == CafeStatus.Live, "the café shown live");
        await facilitator.Invoke("UnpublishCafe");
        await Eventually.Get(() => Listed(created.SessionId), l => l is null, "the café off the map");
    }

    [Fact]
    public async Task Registrations_stop_at_the_capacity_even_when_they_arrive_all_at_once()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA complet");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("PublishCafe", new CafeListingRequest("Médiathèque de Rennes", DateTimeOffset.UtcNow.AddDays(1), Capacity: 10));
        await Eventually.Get(() => Listed(created.SessionId), l => l is not null, "the café on the map");
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            http.PostAsJsonAsync($"/api/cafes/{created.SessionId}/registrations", new { name = $"Personne {i}" })));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var first = await responses.First(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<Registration>(Json);
        Assert.StartsWith($"/join/{created.JoinCode}?name=Personne", first!.JoinPath, StringComparison.Ordinal);
        var listed = (await Listed(created.SessionId))!;
        Assert.Equal((10, true), (listed.Registered, listed.Full));

        // The capacity + 1-th, later on: refused with a clear, stable error, and nothing changes.
        var late = await http.PostAsJsonAsync($"/api/cafes/{created.SessionId}/registrations", new { name = "En retard" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var error = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RefusalCodes.Full, error.GetProperty("error").GetString());
        Assert.Contains("full", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, (await Listed(created.SessionId))!.Registered);

        var unknown = await http.PostAsJsonAsync($"/api/cafes/{Guid.NewGuid()}/registrations", new { name = "?" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<CafeListing?> Listed(string sessionId)
    {
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        var map = await http.GetFromJsonAsync<JsonElement>("/api/cafes");
        return map.GetProperty("cafes").EnumerateArray().Select(c => c.Deserialize<CafeListing>(Json)!).SingleOrDefault(c => c.SessionId == sessionId);
    }
}
