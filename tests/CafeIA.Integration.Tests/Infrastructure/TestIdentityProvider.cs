using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using CafeIA.Gateway.Auth;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port, in the test process:
/// discovery, keys, the authorization code flow with PKCE, signed id tokens. Whoever
/// <see cref="SignInAs"/> names is "at the keyboard" and is signed in without a login form.
/// Degraded mode (no database): the one client is checked by the handlers below.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "cafe-ia-live";
    public const string ClientSecret = "test-client-secret";

    private readonly WebApplication _app;
    private volatile TestUser _user = new("sub-nobody", "Nobody");

    public Uri Authority { get; }

    public sealed record TestUser(string Subject, string Name);

    private TestIdentityProvider(WebApplication app, Uri authority) => (_app, Authority) = (app, authority);

    public void SignInAs(string subject, string name) => _user = new TestUser(subject, name);

    /// <summary>A browser-like client (cookies, redirects) that signed in at <paramref name="gateway"/> as this person.</summary>
    internal async Task<Facilitator> SignIn(Uri gateway, string subject, string name)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = gateway };
        // The signing-in is serialised: the provider signs in whoever is "at the keyboard" now.
        await _keyboard.WaitAsync();
        try
        {
            SignInAs(subject, name);
            var landed = await http.GetAsync(new Uri("/auth/signin?returnUrl=/api/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            var me = (await landed.Content.ReadFromJsonAsync<SignedInView>(HubCalls.Options()))!;
            return new Facilitator(http, me, cookies);
        }
        finally
        {
            _keyboard.Release();
        }
    }

    private readonly SemaphoreSlim _keyboard = new(1, 1);

    /// <summary>The gateway arguments that point its sign-in at this provider.</summary>
    public string[] GatewayArgs =>
    [
        $"--Auth:Oidc:Authority={Authority}",
        $"--Auth:Oidc:ClientId={ClientId}",
        $"--Auth:Oidc:ClientSecret={ClientSecret}",
        "--Auth:Oidc:Scopes=openid profile email",
        "--Auth:Oidc:RequireHttpsMetadata=false",
    ];

    public static async Task<TestIdentityProvider> Start()
    {
        var authority = new Uri($"http://127.0.0.1:{Ports.Free()}/");
        var builder = WebApplication.CreateSlimBuilder(["--urls=" + authority.ToString().TrimEnd('/'), "--Logging:LogLevel:Default=Warning"]);
        TestIdentityProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetIssuer(authority);
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri is not { } uri || !uri.EndsWith("/auth/callback", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                }
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var user = provider!._user;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name)
                .SetClaim(Claims.Email, $"{user.Subject}@example.org");
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        provider = new TestIdentityProvider(app, authority);
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
