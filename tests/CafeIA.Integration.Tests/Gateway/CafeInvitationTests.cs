using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Ical.Net;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The invitation (.ics) of a listed café, and registering on a server that sends no mail.</summary>
public sealed class CafeInvitationTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task The_invitation_parses_with_Ical_Net_and_has_the_cafes_time_place_and_join_link()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA à Nantes");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        var startsAt = new DateTimeOffset(2027, 3, 18, 18, 30, 0, TimeSpan.FromHours(1));
        await facilitator.Invoke("PublishCafe", new CafeListingRequest("Médiathèque Jacques Demy, Nantes", startsAt, CafeFormat.Onsite,
            "Ville de Nantes", 47.2123, -1.5636, 25, DurationMinutes: 90));
        using var http = gateway.Host.Http();
        var registration = await Eventually.Get(() => http.PostAsJsonAsync($"/api/cafes/{created.SessionId}/registrations", new { name = "Léa" }),
            r => r.StatusCode == HttpStatusCode.Created, "a place at the listed café");
        var confirmation = (await registration.Content.ReadFromJsonAsync<Registration>(Json))!;
        Assert.Equal($"/api/cafes/{created.SessionId}/invite.ics", confirmation.InvitePath);
        Assert.Null(confirmation.Mail);

        var response = await http.GetAsync(confirmation.InvitePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var cafe = Assert.Single(calendar.Events);
        Assert.Equal("Café IA à Nantes", cafe.Summary);
        Assert.Equal(startsAt.UtcDateTime, cafe.Start!.AsUtc);
        Assert.Equal(startsAt.AddMinutes(90).UtcDateTime, cafe.End!.AsUtc);
        Assert.Equal("Médiathèque Jacques Demy, Nantes", cafe.Location);
        Assert.Equal((47.2123, -1.5636), (cafe.GeographicLocation!.Latitude, cafe.GeographicLocation.Longitude));
        var join = new Uri(gateway.BaseAddress, $"/join/{created.JoinCode}");
        Assert.Equal(join, cafe.Url);
        Assert.Contains(join.ToString(), cafe.Description, StringComparison.Ordinal);
        Assert.Contains("Ville de Nantes", cafe.Description, StringComparison.Ordinal);
        Assert.Equal($"cafe-{created.SessionId}@cafeia.live", cafe.Uid);
    }

    [Fact]
    public async Task A_cafe_with_no_duration_lasts_two_hours_and_one_off_the_map_has_no_invitation()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA en ligne");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        using var http = gateway.Host.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/cafes/{created.SessionId}/invite.ics")).StatusCode);
        var startsAt = DateTimeOffset.UtcNow.AddDays(10);
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() =>
            facilitator.Invoke("PublishCafe", new CafeListingRequest("en ligne", startsAt, CafeFormat.Remote, DurationMinutes: 0))));

        await facilitator.Invoke("PublishCafe", new CafeListingRequest("en ligne", startsAt, CafeFormat.Remote));
        var response = await Eventually.Get(() => http.GetAsync($"/api/cafes/{created.SessionId}/invite.ics"),
            r => r.StatusCode == HttpStatusCode.OK, "the invitation of the listed café");
        var cafe = Assert.Single(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
        Assert.Equal(TimeSpan.FromMinutes(CafeListing.DefaultDurationMinutes), cafe.End!.AsUtc - cafe.Start!.AsUtc);
        Assert.Null(cafe.GeographicLocation);

        await facilitator.Invoke("UnpublishCafe");
        await Eventually.Get(() => http.GetAsync($"/api/cafes/{created.SessionId}/invite.ics"),
            r => r.StatusCode == HttpStatusCode.NotFound, "no invitation once off the map");
    }

    [Fact]
    public async Task Without_an_SMTP_server_an_address_is_not_kept_and_a_malformed_one_is_refused()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA sans courriel");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("PublishCafe", new CafeListingRequest("Médiathèque de Quimper", DateTimeOffset.UtcNow.AddDays(2)));
        using var http = gateway.Host.Http();
        var map = await http.GetFromJsonAsync<JsonElement>("/api/cafes");
        Assert.False(map.GetProperty("mail").GetBoolean());

        var registered = await Eventually.Get(() => http.PostAsJsonAsync($"/api/cafes/{created.SessionId}/registrations", new { email = "lea@example.org" }),
            r => r.StatusCode == HttpStatusCode.Created, "a place at the listed café");
        Assert.Equal(RegistrationMail.Off, (await registered.Content.ReadFromJsonAsync<Registration>(Json))!.Mail);
        var grains = (IGrainFactory)gateway.Host.Services.GetService(typeof(IGrainFactory))!;
        Assert.Equal(0, await grains.GetGrain<CafeIA.Grains.Abstractions.ICafeMailGrain>(Guid.Parse(created.SessionId)).Addresses());

        foreach (var malformed in new[] { "lea", "lea@localhost", "a b@example.org", "lea@example.org\r\nBcc: x@example.org", "<lea@example.org>", new string('a', 250) + "@example.org" })
        {
            var refused = await http.PostAsJsonAsync($"/api/cafes/{created.SessionId}/registrations", new { email = malformed });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(RefusalCodes.Invalid, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        var listed = (await http.GetFromJsonAsync<JsonElement>("/api/cafes")).GetProperty("cafes").EnumerateArray()
            .Single(c => c.GetProperty("sessionId").GetString() == created.SessionId);
        Assert.Equal(1, listed.GetProperty("registered").GetInt32());
    }
}
