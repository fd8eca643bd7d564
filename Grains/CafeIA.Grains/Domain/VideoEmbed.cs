using System.Text.RegularExpressions;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// Which video or visio addresses can be embedded in the participant page, and how. Providers
/// that allow framing get an embed address; any other https page (a visio room) is shown as a link.
/// </summary>
public static partial class VideoEmbed
{
    public static Uri? Parse(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host) ? uri : null;

    public static VideoView? View(string? url) => url is null || Parse(url) is not { } uri ? null : new VideoView(url, EmbedUrl(uri));

    public static string? EmbedUrl(Uri uri)
    {
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..].ToLowerInvariant() : uri.Host.ToLowerInvariant();
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        string? Id(Regex pattern) => pattern.Match(uri.AbsolutePath) is { Success: true } m ? m.Groups["id"].Value : null;

        return host switch
        {
            "youtube.com" or "m.youtube.com" when query["v"] is { Length: > 0 } v && SafeId().IsMatch(v) =>
                $"https://www.youtube-nocookie.com/embed/{v}",
            "youtube.com" when Id(YouTubeLive()) is { } id => $"https://www.youtube-nocookie.com/embed/{id}",
            "youtu.be" when Id(FirstSegment()) is { } id => $"https://www.youtube-nocookie.com/embed/{id}",
            "vimeo.com" when Id(VimeoVideo()) is { } id => $"https://player.vimeo.com/video/{id}",
            "dailymotion.com" when Id(Dailymotion()) is { } id => $"https://www.dailymotion.com/embed/video/{id}",
            // PeerTube instances (many French public ones) share these paths.
            _ when Id(PeerTube()) is { } id => $"https://{uri.Authority}/videos/embed/{id}",
            _ => null,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex SafeId();

    [GeneratedRegex("^/(?:live|shorts|embed)/(?<id>[A-Za-z0-9_-]{6,64})/?$")]
    private static partial Regex YouTubeLive();

    [GeneratedRegex("^/(?<id>[A-Za-z0-9_-]{6,64})/?$")]
    private static partial Regex FirstSegment();

    [GeneratedRegex("^/(?<id>[0-9]{3,20})/?$")]
    private static partial Regex VimeoVideo();

    [GeneratedRegex("^/video/(?<id>[A-Za-z0-9]{4,32})/?$")]
    private static partial Regex Dailymotion();

    [GeneratedRegex("^/(?:w|videos/watch)/(?<id>[A-Za-z0-9-]{8,64})/?$")]
    private static partial Regex PeerTube();
}
