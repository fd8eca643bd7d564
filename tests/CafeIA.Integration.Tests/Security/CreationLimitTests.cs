using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// A script creating in a loop from one address: sessions, programmes and café registrations
/// stop at their budget with 429 `rate-limited` and a Retry-After, with the service's default limits.
/// </summary>
public sealed class CreationLimitTests
{
    private static readonly SessionLimits Defaults = new();

    [Fact]
    public async Task Three_hundred_sessions_in_a_row_from_one_address_stop_at_the_budget_with_retry_after()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path, GatewayHost.DefaultLimits);
        using var http = host.Http();
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 300; i++)
        {
            statuses.Add(await http.PostAsJsonAsync("/api/sessions", new { title = $"Script {i}" }));
        }

        Assert.Equal(Defaults.SessionCreationBurstPerAddress, statuses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(statuses.Skip(Defaults.SessionCreationBurstPerAddress), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        await AssertRateLimited(statuses[^1]);
    }

    [Fact]
    public async Task Programmes_and_registrations_from_one_address_are_rate_limited()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path, GatewayHost.DefaultLimits);
        using var http = host.Http();

        var programmes = new List<HttpResponseMessage>();
        for (var i = 0; i <= Defaults.ProgrammeCreationBurstPerAddress; i++)
        {
            programmes.Add(await http.PostAsJsonAsync("/api/programmes", new { title = $"Programme {i}" }));
        }
        Assert.All(programmes[..^1], r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await AssertRateLimited(programmes[^1]);

        var created = await CafeClient.CreateSession(host.BaseAddress, "Café très demandé");
        await using (var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey)))
        {
            await facilitator.Invoke("PublishCafe", new CafeListingRequest("Médiathèque", DateTimeOffset.UtcNow.AddDays(3), Capacity: 1000));
        }
        // The session tells its listing after the commit: the café is on the map a moment later.
        await Eventually.Get(async () => (await http.GetAsync($"/api/cafes/{created.SessionId}/invite.ics")).StatusCode,
            status => status == HttpStatusCode.OK, "the café on the map");
        var registrations = new List<HttpResponseMessage>();
        for (var i = 0; i <= Defaults.RegistrationBurstPerAddress; i++)
        {
            registrations.Add(await http.PostAsJsonAsync($"/api/cafes/{created.SessionId}/registrations", new { name = $"Bot {i}" }));
        }
        Assert.All(registrations[..^1], r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await AssertRateLimited(registrations[^1]);
    }

    private static async Task AssertRateLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RefusalCodes.RateLimited, error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }
}
