using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CafeIA.Bench;

/// <summary>A national programme created through the HTTP API: its id, the organiser's key, the cafés' invitation key.</summary>
public sealed record CreatedProgramme(string ProgrammeId, string OrganiserKey, string InviteKey);

/// <summary>A poll pushed to a programme's cafés: its programme poll id, to how many cafés, how many opened it.</summary>
public sealed record PushedPoll(string ProgrammePollId, int Sessions, int Opened);

/// <summary>The national programme's HTTP API as its organiser uses it (docs/PROTOCOL.md, "National programmes").</summary>
public static class ProgrammeApi
{
    /// <summary>POST /api/programmes {title} → 201.</summary>
    public static async Task<CreatedProgramme> Create(HttpClient http, Uri gateway, string title) =>
        ProgrammeMessages.Parse<CreatedProgramme>(await Created(http, new Uri(gateway, "/api/programmes"), new { title }, bearer: null));

    /// <summary>POST /api/programmes/{id}/polls with the organiser's key as bearer → 201.</summary>
    public static async Task<PushedPoll> PushPoll(HttpClient http, Uri gateway, CreatedProgramme programme, string question, string[] options) =>
        ProgrammeMessages.Parse<PushedPoll>(await Created(http, new Uri(gateway, $"/api/programmes/{programme.ProgrammeId}/polls"),
            new { question, kind = "single", options }, programme.OrganiserKey));

    /// <summary>GET /api/programmes/{id}: this poll's national tally (null when the programme has no such poll).</summary>
    public static async Task<(ProgrammeCount? National, int Sessions)> National(HttpClient http, Uri gateway, CreatedProgramme programme, string programmePollId)
    {
        var view = await http.GetFromJsonAsync<JsonElement>(new Uri(gateway, $"/api/programmes/{programme.ProgrammeId}"));
        var poll = view.GetProperty("polls").EnumerateArray().Where(p => p.GetProperty("programmePollId").GetString() == programmePollId).ToList();
        return poll is [var found]
            ? (ProgrammeCount.Of(found.GetProperty("national")), found.GetProperty("national").GetProperty("sessions").GetInt32())
            : (null, 0);
    }

    private static async Task<string> Created(HttpClient http, Uri uri, object body, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Created
            ? text
            : throw new InvalidOperationException($"POST {uri.AbsolutePath} answered {(int)response.StatusCode}: {text}");
    }
}
