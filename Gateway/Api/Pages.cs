using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;

namespace CafeIA.Gateway.Api;

/// <summary>
/// Page routes. Keys travel in the URL fragment (#key=…), which browsers never send to the
/// server, so they stay out of access logs and Referer headers. Each page is served with
/// <c>&lt;html lang&gt;</c> set to the reader's language (<see cref="PageLanguage"/>); the pages
/// hold no text of their own, so nothing in the wrong language paints before the script runs.
/// </summary>
public static class Pages
{
    private static readonly (string Route, string File)[] Routes =
    [
        ("/", "index.html"),
        ("/join/{code}", "participant.html"),
        ("/facilitate/{code}", "facilitator.html"),
        ("/screen/{code}", "projector.html"),
        ("/moderate/{code}", "moderator.html"),
        ("/kiosk/{code}", "kiosk.html"),
        ("/cafes", "cafes.html"),
        ("/formats", "formats.html"),
        ("/formats/{formatId}", "formats.html"),
        ("/report/{code}", "report.html"),
        ("/poster/{code}", "poster.html"),
        ("/orgs", "orgs.html"),
        ("/orgs/{organisationId}", "orgs.html"),
        ("/orgs/{organisationId}/join", "orgs.html"),
    ];

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var cache = new ConcurrentDictionary<string, string>();
        foreach (var (route, file) in Routes)
        {
            endpoints.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
            {
                // Read once per process (the pages change only with a new build); a page not built yet is looked for again.
                var html = cache.TryGetValue(file, out var known) ? known : Read(files, file) is { } read ? cache.GetOrAdd(file, read) : null;
                if (html is null)
                {
                    return Results.NotFound();
                }
                var page = WithLanguage(html, PageLanguage.Of(context.Request));
                var headers = context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.Vary = "Accept-Language, Cookie";
                // Revalidated at every visit, downloaded again only when it changed.
                var tag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(page)))[..16]}\"";
                headers.ETag = tag;
                return context.Request.Headers.IfNoneMatch.Contains(tag)
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Content(page, "text/html; charset=utf-8");
            }).ExcludeFromDescription();
        }
        return endpoints;
    }

    /// <summary>The page with its root element's language set (the built pages say <c>lang="fr"</c>).</summary>
    internal static string WithLanguage(string html, string lang) =>
        html.Replace("<html lang=\"fr\">", $"<html lang=\"{lang}\">", StringComparison.Ordinal);

    private static string? Read(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists)
        {
            return null;
        }
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
