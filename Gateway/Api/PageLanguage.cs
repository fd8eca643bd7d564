using Microsoft.Net.Http.Headers;

namespace CafeIA.Gateway.Api;

/// <summary>
/// The language a page is served in, decided as the page's script decides it
/// (Web/src/lib/i18n.ts): <c>?lang=</c>, else the remembered choice (the <c>cafe.lang</c>
/// cookie the script writes), else the browser's languages, else French. The served HTML
/// carries it in <c>&lt;html lang&gt;</c> from the first byte.
/// </summary>
public static class PageLanguage
{
    public const string Cookie = "cafe.lang";
    public const string Default = "fr";

    public static string Of(HttpRequest request)
    {
        if (Known(request.Query["lang"].ToString()) is { } asked)
        {
            return asked;
        }
        if (request.Cookies.TryGetValue(Cookie, out var remembered) && Known(remembered) is { } kept)
        {
            return kept;
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in accepted)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return "en";
            }
            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
            {
                return "fr";
            }
        }
        return Default;
    }

    private static string? Known(string? value) => value is "fr" or "en" ? value : null;
}
