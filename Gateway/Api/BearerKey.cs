namespace CafeIA.Gateway.Api;

/// <summary>A key sent as "Authorization: Bearer {key}" (a header, never the URL: it would reach access logs).</summary>
public static class BearerKey
{
    public static string? Of(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }
}
