namespace CafeIA.Gateway.Auth;

/// <summary>
/// Facilitators' optional sign-in (configuration section <c>Auth:Oidc</c>). With no Authority,
/// sign-in is off: no authentication middleware, no sign-in or organisation route, keys alone.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The identity provider's issuer, e.g. https://auth.agentconnect.gouv.fr/api/v2 for ProConnect.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated; "openid" is always asked for. ProConnect: "openid given_name usual_name".</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>Tests only (a provider on plain http in the test process); production providers are https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsOn => !string.IsNullOrWhiteSpace(Authority);

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(Authority)}"]);
}
