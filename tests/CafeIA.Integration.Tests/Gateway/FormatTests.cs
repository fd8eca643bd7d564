using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Data.Sqlite;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Formats that travel, through the HTTP API: a session's format exported, checked against its
/// schema and scanned for anything personal; a session created from it; the catalogue's
/// publications, versions, search and the cafés that used a format; bad files refused.
/// </summary>
public sealed class FormatTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GatewayHost.StartEmbedded(_data.Path, ["--Limits:FailedJoinsPerMinutePerAddress=100000"]);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    private static readonly CreatePollRequest[] EveryKind =
    [
        new("L'IA, plutôt :", PollKind.Single, ["une chance", "un risque", "les deux"], HideResults: true),
        new("Où l'utilisez-vous ?", PollKind.Multiple, ["travail", "maison", "école", "nulle part"], MaxChoices: 2),
        new("L'IA en un mot ?", PollKind.WordCloud),
        new("Votre confiance ?", PollKind.Rating, ScaleMax: 7, MinLabel: "aucune", MaxLabel: "totale"),
        new("Un exemple vécu ?", PollKind.OpenText),
        new("Vos priorités", PollKind.Ranking, ["emploi", "santé", "éducation"]),
        new("Votre budget", PollKind.Points, ["recherche", "formation", "contrôle"], Budget: 50),
        new("Qui a écrit ce texte ?", PollKind.Quiz, ["une IA", "un humain", "les deux"], Correct: [0, 2], Seconds: 45, Points: 500),
    ];

    private const string Notes = "Relancer avec l'exemple du CV";

    [Fact]
    public async Task A_format_exported_validates_holds_nothing_personal_and_creates_a_session_with_the_same_agenda_and_polls()
    {
        await using var café = await HubSession.Start(_host.BaseAddress, "Débat deepfakes", live: false);
        var facilitator = café.Facilitator;
        await Prepare(facilitator, "Débat deepfakes");
        await facilitator.Invoke("StartSession");
        var zoe = await café.Participant("Zoé-Témoin", ParticipantMode.Onsite);
        await zoe.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("QUESTION-TÉMOIN : qui contrôle ?"));
        await facilitator.Invoke("NextActivity");
        await facilitator.Invoke("NextActivity");
        var single = (await facilitator.Snapshot()).Agenda![1].PollId!;
        await zoe.Invoke("Vote", new VoteRequest(single, [1]));
        var opinion = (await facilitator.Snapshot()).Opinions!.Single().Id;
        await facilitator.Invoke("OpenOpinion", new OpinionRef(opinion));
        await zoe.Invoke<StatementAdded>("AddStatement", new AddStatementRequest(opinion, "AVIS-TÉMOIN de Zoé"));

        using var http = _host.Http();
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(http, $"/api/sessions/{café.Created.JoinCode}/format", café.Created.ModeratorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(http, $"/api/sessions/{café.Created.JoinCode}/format", null)).StatusCode);
        var response = await Get(http, $"/api/sessions/{café.Created.JoinCode}/format", café.Created.FacilitatorKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        FormatSchema.AssertValid(json);

        // Nothing of the people, the keys or the results: neither values nor the fields that would carry them.
        var created = café.Created;
        var texts = string.Join("\n", Strings(JsonNode.Parse(json)!));
        Assert.Contains(Notes, texts, StringComparison.Ordinal);
        foreach (var secret in new[] { created.FacilitatorKey, created.ModeratorKey, created.ProjectorKey, created.JoinCode, created.SessionId,
            zoe.ParticipantId, "Zoé-Témoin", "QUESTION-TÉMOIN", "AVIS-TÉMOIN", zoe.Joined.ResumeToken })
        {
            Assert.DoesNotContain(secret, texts, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
        var names = PropertyNames(JsonNode.Parse(json)!).ToHashSet();
        string[] personal = ["participantId", "participants", "displayName", "authorName", "authorId", "key", "facilitatorKey", "resumeToken",
            "results", "ballots", "voters", "votes", "counts", "questions", "myChoices", "sessionId", "joinCode", "mode"];
        Assert.Empty(names.Intersect(personal));

        var format = JsonSerializer.Deserialize<SessionFormat>(json, Json)!;
        Assert.Equal((1, "CC-BY-4.0", 5 + 8 * 10 + 20 + 15 + 10), (format.SchemaVersion, format.Licence, format.DurationMinutes));
        Assert.Equal(12, format.Agenda!.Length);

        // A session from the file reproduces the agenda, the polls and the settings exactly.
        var replica = await http.PostAsJsonAsync("/api/sessions", new { title = "Débat deepfakes à Lyon", format = JsonNode.Parse(json) });
        Assert.Equal(HttpStatusCode.Created, replica.StatusCode);
        var copy = (await replica.Content.ReadFromJsonAsync<SessionCreated>(Json))!;
        await using var copied = await CafeClient.Join(_host.BaseAddress, copy.JoinCode, new JoinOptions(Key: copy.FacilitatorKey));
        var snapshot = copied.Joined.Snapshot;
        Assert.Equal((SessionPhase.Draft, "Débat deepfakes à Lyon", (FormatOrigin?)null), (snapshot.State, snapshot.Title, snapshot.FormatOrigin));
        var original = await facilitator.Snapshot();
        Assert.Equal(Definitions(original), Definitions(snapshot));
        Assert.Equal(original.Agenda!.Select(a => (a.Id, a.Kind, a.Title, a.DurationMinutes, a.Notes, a.OpenOnStart, a.ShowTimer)),
            snapshot.Agenda!.Select(a => (a.Id, a.Kind, a.Title, a.DurationMinutes, a.Notes, a.OpenOnStart, a.ShowTimer)));
        Assert.All(snapshot.Polls, p => Assert.Equal(PollState.Draft, p.State));
        Assert.Equal((true, ProfanityMode.Mask, true), (snapshot.PreModeration, snapshot.ProfanityFilter, snapshot.EasyRead));
        Assert.Equal(original.Details, snapshot.Details);
        Assert.Empty(snapshot.Questions);
        // And its own export is the same format.
        var again = JsonNode.Parse(await (await Get(http, $"/api/sessions/{copy.JoinCode}/format", copy.FacilitatorKey)).Content.ReadAsStringAsync())!;
        Assert.Equal("Débat deepfakes à Lyon", again["title"]!.GetValue<string>());
        again["title"] = "Débat deepfakes";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), again), again.ToJsonString());
    }

    [Fact]
    public async Task Publishing_twice_keeps_both_versions_the_catalogue_searches_and_a_replicated_cafe_is_listed_with_its_figures()
    {
        await using var café = await HubSession.Start(_host.BaseAddress, "Jeu de cartes IA", live: false);
        await Prepare(café.Facilitator, "Jeu de cartes IA");
        using var http = _host.Http();
        Assert.Equal(HttpStatusCode.Forbidden, (await Publish(http, café.Created.JoinCode, café.Created.ModeratorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Publish(http, café.Created.JoinCode, "not-a-key")).StatusCode);
        var first = await Publish(http, café.Created.JoinCode, café.Created.FacilitatorKey);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = (await first.Content.ReadFromJsonAsync<FormatPublished>(Json))!;
        Assert.Equal(1, v1.Version);

        var agenda = (await café.Facilitator.Snapshot()).Agenda!;
        await café.Facilitator.Invoke("SetAgenda", new SetAgendaRequest(
            [.. agenda.Select(a => new ActivityDefinition(a.Id, a.Kind, a.Id == "a1" ? "Accueil, version 2" : a.Title, a.DurationMinutes, a.Notes, a.PollId, a.OpinionId, a.OpenOnStart, a.ShowTimer))]));
        var v2 = (await (await Publish(http, café.Created.JoinCode, café.Created.FacilitatorKey)).Content.ReadFromJsonAsync<FormatPublished>(Json))!;
        Assert.Equal((v1.FormatId, 2), (v2.FormatId, v2.Version));

        var page = await http.GetFromJsonAsync<JsonElement>($"/api/formats/{v1.FormatId}");
        Assert.Equal(2, page.GetProperty("version").GetInt32());
        Assert.Equal([1, 2], page.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("Accueil, version 2", page.GetProperty("format").GetProperty("agenda")[0].GetProperty("title").GetString());
        var old = await http.GetFromJsonAsync<JsonElement>($"/api/formats/{v1.FormatId}/versions/1");
        Assert.Equal("Accueil", old.GetProperty("format").GetProperty("agenda")[0].GetProperty("title").GetString());
        FormatSchema.AssertValid(old.GetProperty("format").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/formats/{v1.FormatId}/versions/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/formats/fzzzzzzzzzzzz")).StatusCode);

        Assert.Contains(v1.FormatId, await Search(http, "query=cartes%20IA"));
        Assert.Contains(v1.FormatId, await Search(http, "query=DEEPFAKES&language=fr&audience=public"));
        Assert.DoesNotContain(v1.FormatId, await Search(http, "query=cartes&language=en"));
        Assert.DoesNotContain(v1.FormatId, await Search(http, "query=astronomie"));
        Assert.DoesNotContain(v1.FormatId, await Search(http, "audience=lyc%C3%A9ens"));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/formats?language=moon")).StatusCode);

        // Another session may not add versions to it.
        await using var other = await HubSession.Start(_host.BaseAddress, "Autre café", live: false);
        var stolen = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/formats")
        {
            Content = JsonContent.Create(new { joinCode = other.Created.JoinCode, formatId = v1.FormatId }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", other.Created.FacilitatorKey) },
        });
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonElement>($"/api/formats/{v1.FormatId}")).GetProperty("versions").GetArrayLength());

        // Replicated from the catalogue (version 1 asked for), run, its report published: the format page lists it with its figures.
        var replica = await http.PostAsJsonAsync("/api/sessions", new { title = "Jeu de cartes à Brest", formatId = v1.FormatId, version = 1 });
        Assert.Equal(HttpStatusCode.Created, replica.StatusCode);
        var copy = (await replica.Content.ReadFromJsonAsync<SessionCreated>(Json))!;
        await using var brest = await CafeClient.Join(_host.BaseAddress, copy.JoinCode, new JoinOptions(Key: copy.FacilitatorKey));
        Assert.Equal(new FormatOrigin(v1.FormatId, 1), brest.Joined.Snapshot.FormatOrigin);
        Assert.Equal("Accueil", brest.Joined.Snapshot.Agenda![0].Title);
        await brest.Invoke("StartSession");
        await using var voter = await CafeClient.Join(_host.BaseAddress, copy.JoinCode, new JoinOptions("Yann"));
        await voter.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Et les données ?"));
        await brest.Invoke("NextActivity");
        await brest.Invoke("NextActivity");
        await voter.Invoke("Vote", new VoteRequest(brest.Joined.Snapshot.Agenda[1].PollId, [0]));
        var cafes = (await http.GetFromJsonAsync<JsonElement>($"/api/formats/{v1.FormatId}")).GetProperty("cafes");
        Assert.Equal(0, cafes.GetArrayLength());
        await brest.Invoke("PublishReport", new ReportVisibility(true));
        var listed = Assert.Single((await http.GetFromJsonAsync<JsonElement>($"/api/formats/{v1.FormatId}")).GetProperty("cafes").EnumerateArray());
        Assert.Equal((copy.JoinCode, 1, 1, 1, 1), (listed.GetProperty("joinCode").GetString(), listed.GetProperty("version").GetInt32(),
            listed.GetProperty("participants").GetInt32(), listed.GetProperty("questions").GetInt32(), listed.GetProperty("ballots").GetInt32()));
        var entry = (await http.GetFromJsonAsync<JsonElement>("/api/formats?query=cartes")).GetProperty("formats").EnumerateArray()
            .Single(f => f.GetProperty("formatId").GetString() == v1.FormatId);
        Assert.Equal((2, 1, 12), (entry.GetProperty("version").GetInt32(), entry.GetProperty("cafes").GetInt32(), entry.GetProperty("activities").GetInt32()));
    }

    [Fact]
    public async Task Malformed_oversize_or_newer_formats_are_refused_with_the_field_named_and_nothing_is_created()
    {
        await using var café = await HubSession.Start(_host.BaseAddress, "Source", live: false);
        await Prepare(café.Facilitator, "Source");
        using var http = _host.Http();
        var good = JsonNode.Parse(await (await Get(http, $"/api/sessions/{café.Created.JoinCode}/format", café.Created.FacilitatorKey)).Content.ReadAsStringAsync())!;
        var stored = StoredRows();

        (string Why, Action<JsonNode> Spoil, string Field)[] faults =
        [
            ("unknown poll kind", f => f["agenda"]![1]!["poll"]!["kind"] = "moon", "format.agenda[1].poll.kind"),
            ("a number for a title", f => f["agenda"]![0]!["title"] = 42, "format.agenda[0].title"),
            ("an unknown property", f => f["agenda"]![2]!["participants"] = JsonNode.Parse("[]"), "format.agenda[2].participants"),
            ("a single poll with one option", f => f["agenda"]![1]!["poll"]!["options"] = JsonNode.Parse("[\"seule\"]"), "format.agenda[1].poll"),
            ("a poll activity without its poll", f => f["agenda"]![1]!.AsObject().Remove("poll"), "format.agenda[1].poll"),
            ("a blank activity title", f => f["agenda"]![0]!["title"] = " ", "format.agenda[0].title"),
            ("an endless activity", f => f["agenda"]![0]!["durationMinutes"] = 601, "format.agenda[0].durationMinutes"),
            ("two activities with one id", f => f["agenda"]![1]!["id"] = f["agenda"]![0]!["id"]!.GetValue<string>(), "format.agenda[1].id"),
            ("an opinion without a topic", f => f["agenda"]![9]!["opinion"]!["topic"] = "", "format.agenda[9].opinion.topic"),
            ("no agenda", f => f.AsObject().Remove("agenda"), "format.agenda"),
            ("a bad licence", f => f["licence"] = "tous droits réservés", "format.licence"),
            ("a schema version 0", f => f["schemaVersion"] = 0, "format.schemaVersion"),
        ];
        foreach (var (why, spoil, field) in faults)
        {
            var bad = good.DeepClone();
            spoil(bad);
            var response = await http.PostAsJsonAsync("/api/sessions", new { title = "Copie", format = bad });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(error.GetProperty("error").GetString() == "invalid", $"{why}: {error}");
            Assert.True(error.GetProperty("field").GetString() == field, $"{why}: {error}");
            Assert.StartsWith(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
            if (why is not ("a blank activity title" or "two activities with one id"))
            {
                // The schema says as much (a blank title and unique ids are beyond what it expresses).
                Assert.False(FormatSchema.IsValid(bad.ToJsonString()), why);
            }
        }

        var oversize = good.DeepClone();
        oversize["description"] = new string('x', 600 * 1024);
        var tooLarge = await http.PostAsJsonAsync("/api/sessions", new { title = "Copie", format = oversize });
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        var tooLargeError = await tooLarge.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("invalid", "format"), (tooLargeError.GetProperty("error").GetString(), tooLargeError.GetProperty("field").GetString()));

        var newer = good.DeepClone();
        newer["schemaVersion"] = 2;
        newer["agenda"]![0]!["aNewFieldOfVersion2"] = true;
        var refused = await http.PostAsJsonAsync("/api/sessions", new { title = "Copie", format = newer });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var newerError = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("unsupported-version", "format.schemaVersion"), (newerError.GetProperty("error").GetString(), newerError.GetProperty("field").GetString()));
        Assert.Contains("version 2", newerError.GetProperty("message").GetString(), StringComparison.Ordinal);

        var unknown = await http.PostAsJsonAsync("/api/sessions", new { title = "Copie", formatId = "fzzzzzzzzzzzz" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(stored, StoredRows());
    }

    [Fact]
    public async Task A_programme_pushes_a_format_to_its_cafes_still_in_draft()
    {
        using var http = _host.Http();
        await using var source = await HubSession.Start(_host.BaseAddress, "Format national", live: false);
        await Prepare(source.Facilitator, "Format national");
        var published = (await (await Publish(http, source.Created.JoinCode, source.Created.FacilitatorKey)).Content.ReadFromJsonAsync<FormatPublished>(Json))!;
        var programme = (await (await http.PostAsJsonAsync("/api/programmes", new { title = "Journée nationale" })).Content.ReadFromJsonAsync<ProgrammeCreated>(Json))!;
        await using var draft = await HubSession.Start(_host.BaseAddress, "Café de Rennes", live: false);
        await using var live = await HubSession.Start(_host.BaseAddress, "Café de Nice");
        foreach (var café in new[] { draft, live })
        {
            await café.Facilitator.Invoke("JoinProgramme", new JoinProgrammeRequest(programme.ProgrammeId, programme.InviteKey));
        }
        var push = (string? key) => http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/programmes/{programme.ProgrammeId}/formats")
        {
            Content = JsonContent.Create(new { formatId = published.FormatId }),
            Headers = { Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key) },
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await push(programme.InviteKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await push(null)).StatusCode);
        Assert.Empty((await draft.Facilitator.Snapshot()).Agenda!);
        var pushed = await push(programme.OrganiserKey);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(new ProgrammeFormatPushed(2, 1), await pushed.Content.ReadFromJsonAsync<ProgrammeFormatPushed>(Json));
        var agenda = (await draft.Facilitator.WaitFor<AgendaChanged>(e => e.Activities.Length == 12)).Activities;
        Assert.Equal(Notes, agenda[0].Notes);
        var snapshot = await draft.Facilitator.Snapshot();
        Assert.Equal((new FormatOrigin(published.FormatId, 1), "Café de Rennes", 8), (snapshot.FormatOrigin, snapshot.Title, snapshot.Polls.Length));
        Assert.Equal(Definitions(await source.Facilitator.Snapshot()), Definitions(snapshot));
        Assert.Empty((await live.Facilitator.Snapshot()).Agenda!);
    }

    /// <summary>A café of 12 activities: every poll kind, an opinion map, questions, a break and a text; details and settings set.</summary>
    private static async Task Prepare(CafeClient facilitator, string title)
    {
        await facilitator.Invoke("SetSessionDetails", new SessionDetailsRequest($"{title} : un débat sur les deepfakes en bibliothèque", "Grand public", "CC-BY-4.0"));
        await facilitator.Invoke("SetModeration", new ModerationSettings(true));
        await facilitator.Invoke("SetProfanityFilter", new ProfanityFilterRequest(ProfanityMode.Mask));
        await facilitator.Invoke("SetEasyRead", new EasyReadRequest(true));
        var polls = new List<string>();
        foreach (var poll in EveryKind)
        {
            polls.Add((await facilitator.Invoke<PollCreated>("CreatePoll", poll)).PollId);
        }
        var opinion = (await facilitator.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("L'IA au travail", ["Elle aide", "Elle menace", "Elle change tout"]))).OpinionId;
        await facilitator.Invoke("SetAgenda", new SetAgendaRequest(
        [
            new ActivityDefinition(Kind: AgendaActivityKind.Text, Title: "Accueil", DurationMinutes: 5, Notes: Notes, ShowTimer: true),
            .. polls.Select((p, i) => new ActivityDefinition(Kind: AgendaActivityKind.Poll, Title: $"Sondage {i + 1}", DurationMinutes: 10, PollId: p, OpenOnStart: i % 2 == 0, ShowTimer: i % 3 == 0)),
            new ActivityDefinition(Id: "carte", Kind: AgendaActivityKind.Opinion, Title: "Carte des opinions", DurationMinutes: 20, OpinionId: opinion, OpenOnStart: true, Notes: "Laisser voter 10 minutes"),
            new ActivityDefinition(Kind: AgendaActivityKind.Questions, Title: "Questions", DurationMinutes: 15),
            new ActivityDefinition(Kind: AgendaActivityKind.Break, Title: "Pause", DurationMinutes: 10, ShowTimer: true),
        ]));
    }

    /// <summary>The definitions of the session's polls and opinion maps, as CreatePoll and CreateOpinion took them.</summary>
    private static string Definitions(SessionSnapshot snapshot) => string.Join("\n",
        snapshot.Polls.OrderBy(p => p.Id).Select(p => JsonSerializer.Serialize(new
        {
            p.Id, p.Question, p.Kind, p.Options, p.MaxChoices, p.ScaleMax, p.MinLabel, p.MaxLabel, p.HideResults, p.Budget, p.Correct, p.Seconds, p.MaxPoints,
        }, Json))
        .Concat(snapshot.Opinions!.Select(o => $"{o.Id} {o.Topic}: {string.Join(" | ", o.Statements.Where(s => s.Status == StatementStatus.Approved).Select(s => $"{s.Id}={s.Text}"))}"))
        .Concat(snapshot.Agenda!.Select(a => $"{a.Id} {a.PollId} {a.OpinionId}")));

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Strings(i)),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static IEnumerable<string> PropertyNames(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [p.Key] : PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(i => i is null ? [] : PropertyNames(i)),
        _ => [],
    };

    private static readonly JsonSerializerOptions Json = NewJson();

    private static JsonSerializerOptions NewJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Publish(HttpClient http, string joinCode, string key) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/formats")
        {
            Content = JsonContent.Create(new { joinCode }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
        });

    private static async Task<string[]> Search(HttpClient http, string query) =>
        [.. (await http.GetFromJsonAsync<JsonElement>($"/api/formats?{query}")).GetProperty("formats").EnumerateArray().Select(f => f.GetProperty("formatId").GetString()!)];

    /// <summary>Every stored row of sessions and of the other grains (join codes claimed included).</summary>
    private (long Sessions, long Grains) StoredRows()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_data.Path, "cafe.db"), Pooling = false }.ToString());
        connection.Open();
        return (Count(connection, "CafeSession"), Count(connection, "OrleansStorage"));
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
