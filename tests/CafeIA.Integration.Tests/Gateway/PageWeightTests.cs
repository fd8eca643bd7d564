using System.Net;
using System.Text.RegularExpressions;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The participant page's first load, as a phone receives it: compressed, all files counted.</summary>
public sealed partial class PageWeightTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private const int Budget = 60 * 1024;

    [Fact]
    public async Task The_participant_page_first_load_weighs_at_most_60_KB_compressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        var (htmlBytes, html) = await Fetch(http, "/join/ABC234");
        var total = htmlBytes;
        var files = new List<string> { $"/join/ABC234 {htmlBytes} B" };
        var queue = new Queue<string>(AssetReferences().Matches(html).Select(m => m.Groups["path"].Value));
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }
            var (bytes, text) = await Fetch(http, path);
            total += bytes;
            files.Add($"{path} {bytes} B");
            // Modules import their chunks: follow them, they load before the page works.
            foreach (Match import in ChunkImports().Matches(text))
            {
                queue.Enqueue("/assets/" + import.Groups["file"].Value);
            }
        }
        Console.WriteLine($"[weight] participant page first load: {total} B compressed ({string.Join("; ", files)})");
        Assert.True(seen.Count >= 2, "the page's script and style were found");
        Assert.True(total <= Budget, $"{total} B > {Budget} B: {string.Join("; ", files)}");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_pages_are_revalidated()
    {
        using var http = gateway.Host.Http();
        var html = await http.GetStringAsync("/");
        var asset = AssetReferences().Match(html).Groups["path"].Value;
        var response = await http.GetAsync(asset);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365));
        Assert.True((await http.GetAsync("/")).Headers.CacheControl!.NoCache);
    }

    private static async Task<(int Bytes, string Text)> Fetch(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var raw = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        Assert.True(encoding is "br" or "gzip", $"{path} is not compressed");
        await using var decoded = encoding == "br"
            ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return (raw.Length, await reader.ReadToEndAsync());
    }

    [GeneratedRegex("(?:src|href)=\"(?<path>/assets/[^\"]+)\"")]
    private static partial Regex AssetReferences();

    [GeneratedRegex("from\\s*\"\\./(?<file>[^\"]+\\.js)\"|import\\(\"\\./(?<file>[^\"]+\\.js)\"\\)")]
    private static partial Regex ChunkImports();
}
