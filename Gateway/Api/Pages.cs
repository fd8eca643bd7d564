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
        ("/cafes", "cafes.html"),
        ("/report/{code}", "report.html"),
    ];

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var cache = new ConcurrentDictionary<string, string?>();
        foreach (var (route, file) in Routes)
        {
            endpoints.MapGet(route, (HttpContext context) =>
            {
                // Built once per process: the pages change only with a new build.
                var html = cache.GetOrAdd(file, name => Read(files, name));
                if (html is null)
                {
                    return Results.NotFound();
                }
                var headers = context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.Vary = "Accept-Language, Cookie";
                return Results.Content(WithLanguage(html, PageLanguage.Of(context.Request)), "text/html; charset=utf-8");
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
