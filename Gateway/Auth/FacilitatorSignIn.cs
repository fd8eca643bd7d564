using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CafeIA.Gateway.Auth;

/// <summary>
/// OpenID Connect sign-in for facilitators (ASP.NET Core's handler) kept in a cookie; only when
/// <c>Auth:Oidc:Authority</c> is set. Participants never sign in.
/// </summary>
public static class FacilitatorSignIn
{
    public const string CookieName = "cafe.auth";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddFacilitatorSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);
        if (!oidc.IsOn)
        {
            return services;
        }
        // The cookie and the antiforgery tokens are protected with this key ring: every gateway shares it.
        services.AddClusterKeyRing();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "cafe.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Lax, not Strict: the provider's redirect back to us is a cross-site navigation,
                // and the page it lands on must already see the cookie.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401, it does not redirect a script to the provider.
                o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnSigningIn = context =>
                {
                    context.Principal = SignedInFacilitator.Minimal(context.Principal!, CookieAuthenticationDefaults.AuthenticationScheme);
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query: the correlation and nonce cookies can stay
                // SameSite=Lax (a form_post from the provider's site would need SameSite=None).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.CallbackPath = "/auth/callback";
                o.SignedOutCallbackPath = "/auth/signed-out";
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                // No provider token is kept: the cookie holds the subject and a name, nothing else.
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in ("openid " + oidc.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
                {
                    o.Scope.Add(scope);
                }
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is https (behind a proxy: Gateway:TrustForwardedHeaders).
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        services.AddAuthorization();
        return services;
    }

    public static WebApplication UseFacilitatorSignIn(this WebApplication app)
    {
        if (OidcOptions.IsConfigured(app.Configuration))
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        return app;
    }

    /// <summary>GET /auth/signin (to the provider and back to a local page), POST /auth/signout, GET /api/me.</summary>
    public static IEndpointRouteBuilder MapFacilitatorSignIn(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!OidcOptions.IsConfigured(configuration))
        {
            return endpoints;
        }
        endpoints.MapGet("/auth/signin", (string? returnUrl) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]));
        endpoints.MapPost("/auth/signout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (await CookieCall.Refusal(http, antiforgery) is { } refused)
            {
                return refused;
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });
        endpoints.MapGet("/api/me", (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (SignedInFacilitator.Of(http) is not { } me)
            {
                return CookieCall.SignedOut();
            }
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new SignedInView(me.Subject, me.Name, tokens.RequestToken!));
        });
        return endpoints;
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would make sign-in an open redirect.</summary>
    internal static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}

/// <summary>GET /api/me: who is signed in, and the antiforgery token every state-changing cookie call sends in X-CSRF-TOKEN.</summary>
public sealed record SignedInView(string Subject, string Name, string AntiforgeryToken);
