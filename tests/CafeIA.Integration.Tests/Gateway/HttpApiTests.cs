using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;

namespace CafeIA.Integration.Tests.Gateway;

public sealed class HttpApiTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    [Fact]
    public async Task Creating_a_session_returns_its_id_join_code_and_keys()
    {
        using var http = gateway.Host.Http();
        var response = await http.PostAsJsonAsync("/api/sessions", new { title = "Café IA à Lille" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("sessionId").GetString(), out _));
        var code = root.GetProperty("joinCode").GetString()!;
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}$", code);
        Assert.True(root.GetProperty("facilitatorKey").GetString()!.Length >= 43);
        Assert.True(root.GetProperty("moderatorKey").GetString()!.Length >= 43);
        Assert.Equal($"/api/sessions/{code}", response.Headers.Location!.OriginalString);

        var info = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{code.ToLowerInvariant()}");
        Assert.Equal("Café IA à Lille", info.GetProperty("title").GetString());
        Assert.Equal("draft", info.GetProperty("state").GetString());
        Assert.Equal(root.GetProperty("sessionId").GetString(), info.GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task A_session_speaks_French_by_default_or_the_language_it_was_created_with()
    {
        using var http = gateway.Host.Http();
        var english = await (await http.PostAsJsonAsync("/api/sessions", new { title = "AI café", language = "en" })).Content.ReadFromJsonAsync<JsonElement>();
        var french = await (await http.PostAsJsonAsync("/api/sessions", new { title = "Café IA" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("en", (await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{english.GetProperty("joinCode").GetString()}")).GetProperty("language").GetString());
        Assert.Equal("fr", (await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{french.GetProperty("joinCode").GetString()}")).GetProperty("language").GetString());
        await using var projector = await CafeClient.Join(gateway.BaseAddress, english.GetProperty("joinCode").GetString()!,
            new CafeIA.Wire.JoinOptions(Key: english.GetProperty("projectorKey").GetString()));
        Assert.Equal(CafeIA.Wire.SessionLanguage.En, projector.Joined.Snapshot.Language);
    }

    [Fact]
    public async Task An_unknown_join_code_is_404_with_the_not_found_code()
    {
        using var http = gateway.Host.Http();
        foreach (var code in new[] { "ZZZZZZ", "bad", "0O1IL0" })
        {
            var response = await http.GetAsync($"/api/sessions/{code}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("not-found", error.GetProperty("error").GetString());
        }
    }

    [Theory]
    [InlineData("{\"title\": \"\"}")]
    [InlineData("{\"title\": \"   \"}")]
    [InlineData("{}")]
    public async Task A_session_without_a_title_is_refused_as_invalid(string json)
    {
        using var http = gateway.Host.Http();
        var response = await http.PostAsync("/api/sessions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid", error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task The_projector_QR_code_is_an_SVG_of_the_join_link()
    {
        using var http = gateway.Host.Http();
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "QR");
        var response = await http.GetAsync($"/api/sessions/{created.JoinCode}/qr.svg?mode=onsite");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", svg.TrimStart().Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "", StringComparison.Ordinal).TrimStart(), StringComparison.Ordinal);
        var other = await http.GetStringAsync($"/api/sessions/{created.JoinCode}/qr.svg?mode=remote");
        Assert.NotEqual(svg, other);
    }

    [Theory]
    [InlineData("/moderate/ABC234", "moderator")]
    [InlineData("/", "index")]
    [InlineData("/join/ABC234", "participant")]
    [InlineData("/facilitate/ABC234", "facilitator")]
    [InlineData("/screen/ABC234", "projector")]
    [InlineData("/cafes", "cafes")]
    [InlineData("/formats", "formats")]
    [InlineData("/formats/fabc123def456", "formats")]
    [InlineData("/report/ABC234", "report")]
    [InlineData("/kiosk/ABC234", "kiosk")]
    public async Task Pages_are_served_from_the_built_front_end(string path, string entry)
    {
        using var http = gateway.Host.Http();
        var html = await http.GetStringAsync(path);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Café IA Live</title>", html, StringComparison.Ordinal);
        Assert.Matches($"<script type=\"module\"[^>]*src=\"/assets/{entry}-[^\"]+\\.js\"", html);
    }

    [Theory]
    [InlineData("?lang=en", null, null, "en")]
    [InlineData("?lang=fr", null, "en-GB,en;q=0.9", "fr")]
    [InlineData("", "cafe.lang=en", "fr-FR", "en")]
    [InlineData("", null, "en-GB,en;q=0.9,fr;q=0.8", "en")]
    [InlineData("", null, "de-DE,fr;q=0.5,en;q=0.4", "fr")]
    [InlineData("", null, "de-DE", "fr")]
    [InlineData("?lang=xx", "cafe.lang=zz", null, "fr")]
    public async Task A_page_is_served_in_the_language_of_its_reader(string query, string? cookie, string? acceptLanguage, string expected)
    {
        using var http = gateway.Host.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/join/ABC234{query}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Assets_are_sent_as_compressed_at_build_time_in_the_encoding_the_client_accepts()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = gateway.BaseAddress };
        var html = await http.GetStringAsync("/join/ABC234");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(?<path>/assets/[^\"]+\\.js)\"").Groups["path"].Value;
        Assert.NotEmpty(script);
        async Task<(string? Encoding, string? Type, byte[] Body, string Vary)> Get(string? acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, script);
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return (response.Content.Headers.ContentEncoding.SingleOrDefault(), response.Content.Headers.ContentType?.MediaType,
                await response.Content.ReadAsByteArrayAsync(), string.Join(",", response.Headers.Vary));
        }
        var identity = await Get(null);
        var brotli = await Get("gzip, deflate, br");
        var gzip = await Get("gzip");
        var refused = await Get("br;q=0, gzip");
        Assert.Null(identity.Encoding);
        Assert.Equal("br", brotli.Encoding);
        Assert.Equal("gzip", gzip.Encoding);
        Assert.Equal("gzip", refused.Encoding);
        Assert.All(new[] { identity, brotli, gzip }, r => Assert.Equal("text/javascript", r.Type));
        Assert.All(new[] { identity, brotli, gzip }, r => Assert.Contains("Accept-Encoding", r.Vary));
        Assert.Equal(identity.Body, Decompress(brotli.Body, s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionMode.Decompress)));
        Assert.Equal(identity.Body, Decompress(gzip.Body, s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress)));
        Assert.True(brotli.Body.Length < gzip.Body.Length && gzip.Body.Length < identity.Body.Length, $"br {brotli.Body.Length} B < gzip {gzip.Body.Length} B < {identity.Body.Length} B");
    }

    private static byte[] Decompress(byte[] body, Func<Stream, Stream> decoder)
    {
        using var output = new MemoryStream();
        using (var stream = decoder(new MemoryStream(body)))
        {
            stream.CopyTo(output);
        }
        return output.ToArray();
    }

    [Fact]
    public async Task A_page_is_revalidated_by_its_ETag_and_answers_HEAD()
    {
        using var http = gateway.Host.Http();
        using var first = await http.GetAsync("/join/ABC234");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/join/ABC234");
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
        // Another language is another page.
        using var english = new HttpRequestMessage(HttpMethod.Get, "/join/ABC234?lang=en");
        english.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(english)).StatusCode);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/join/ABC234"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
