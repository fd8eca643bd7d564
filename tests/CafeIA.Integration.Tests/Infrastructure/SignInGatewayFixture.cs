using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Auth;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>An embedded gateway whose facilitators sign in with the in-process <see cref="TestIdentityProvider"/>.</summary>
public sealed class SignInGatewayFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private TestIdentityProvider _provider = null!;
    internal GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestIdentityProvider.Start();
        // As EmbeddedGatewayFixture, the failed-join limit is lifted; so is the per-connection call
        // budget, which SignedInHubMatrixTests' one café (hundreds of calls in a few seconds) would hit.
        Host = await GatewayHost.StartEmbedded(_data.Path, ["--Limits:FailedJoinsPerMinutePerAddress=100000",
            "--Limits:CallBurstPerConnection=1000000", "--Limits:CallsPerSecondPerConnection=1000000", .. _provider.GatewayArgs]);
    }

    /// <summary>A browser-like client (cookies, redirects) that went through the provider's sign-in as this person.</summary>
    internal Task<Facilitator> SignIn(string subject, string name) => _provider.SignIn(Host.BaseAddress, subject, name);

    /// <summary>A client with no sign-in cookie at all.</summary>
    internal HttpClient Anonymous() => Host.Http();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>A signed-in facilitator's client: it sends the antiforgery token unless the call is forged; Cookies hold the sign-in cookie.</summary>
internal sealed record Facilitator(HttpClient Http, SignedInView Me, CookieContainer Cookies)
{
    public Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null) => Send(method, path, body, forged: false);

    /// <summary>The same browser (cookies, antiforgery token) sending to another gateway, as a load balancer would.</summary>
    public Facilitator On(Uri gateway) =>
        this with { Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true }) { BaseAddress = gateway } };

    /// <summary>The same cookies without the X-CSRF-TOKEN header: what a hostile page's forged request carries.</summary>
    public Task<HttpResponseMessage> Forge(HttpMethod method, string path, object? body = null) => Send(method, path, body, forged: true);

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, bool forged)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (!forged)
        {
            request.Headers.Add(FacilitatorSignIn.AntiforgeryHeader, Me.AntiforgeryToken);
        }
        return Http.SendAsync(request);
    }
}
