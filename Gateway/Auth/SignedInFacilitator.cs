using System.Security.Claims;

namespace CafeIA.Gateway.Auth;

/// <summary>
/// Who signed in, as little as will do: the provider's subject and a display name. The cookie holds
/// these two claims only (no e-mail, no provider token), see <see cref="Minimal"/>.
/// </summary>
public sealed record SignedInFacilitator(string Subject, string Name)
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";

    public static SignedInFacilitator? Of(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(SubjectClaim)?.Value is { Length: > 0 } subject
            ? new(subject, http.User.FindFirst(NameClaim)?.Value ?? "")
            : null;

    /// <summary>The principal the cookie keeps, built from what the provider sent (ProConnect names people given_name + usual_name).</summary>
    public static ClaimsPrincipal Minimal(ClaimsPrincipal fromProvider, string scheme)
    {
        string? Claim(string type) => fromProvider.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
        var name = Claim(NameClaim)
            ?? (Claim("given_name") is { } given ? $"{given} {Claim("usual_name") ?? Claim("family_name")}".Trim() : null)
            ?? Claim("preferred_username")
            ?? "";
        var identity = new ClaimsIdentity(
            [new Claim(SubjectClaim, Claim(SubjectClaim) ?? ""), new Claim(NameClaim, name)], scheme, NameClaim, null);
        return new ClaimsPrincipal(identity);
    }
}
