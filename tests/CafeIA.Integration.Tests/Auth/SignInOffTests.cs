using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Auth;

/// <summary>With Auth:Oidc unset (the default), there is no sign-in and keys alone work, as before.</summary>
public sealed class SignInOffTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    [Fact]
    public async Task Without_a_provider_there_is_no_sign_in_or_organisation_route()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gateway.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/auth/signin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/api/orgs/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/sessions", new { title = "Café IA" })).StatusCode);
        var refused = await http.PostAsJsonAsync("/api/sessions", new { title = "Café IA", organisationId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("invalid", "organisationId"), (error.GetProperty("error").GetString(), error.GetProperty("field").GetString()));
    }
}
