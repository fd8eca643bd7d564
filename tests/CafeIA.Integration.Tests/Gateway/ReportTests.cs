using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.VisualBasic.FileIO;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// The session report of a scripted café: its figures equal the session's own state (the
/// facilitator's snapshot) and the script's, in the JSON and in the CSV; the JSON validates
/// against docs/report.schema.json; only the facilitator reads it until it is published.
/// </summary>
public sealed class ReportTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    [Fact]
    public async Task The_report_in_JSON_and_CSV_says_what_the_session_holds_and_validates_against_its_schema()
    {
        await using var cafe = await ScriptedCafe.Play(gateway.BaseAddress);
        var code = cafe.Created.JoinCode;
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cafe.Created.FacilitatorKey);
        var json = await http.GetStringAsync($"/api/sessions/{code}/report");

        ReportSchema.AssertValid(json);

        var report = JsonDocument.Parse(json).RootElement;
        var snapshot = await cafe.Facilitator.Snapshot();
        Assert.Equal("etalab-2.0", report.GetProperty("licence").GetProperty("id").GetString());
        var attendance = report.GetProperty("attendance");
        Assert.Equal((2, 1, 2, 1), (attendance.GetProperty("participantsOnsite").GetInt32(), attendance.GetProperty("participantsRemote").GetInt32(),
            attendance.GetProperty("peakOnsite").GetInt32(), attendance.GetProperty("peakRemote").GetInt32()));
        var questions = report.GetProperty("questions");
        Assert.Equal((3, 2, 1, 2, 1), (questions.GetProperty("asked").GetInt32(), questions.GetProperty("askedOnsite").GetInt32(),
            questions.GetProperty("askedRemote").GetInt32(), questions.GetProperty("published").GetInt32(), questions.GetProperty("answered").GetInt32()));
        Assert.Equal(1, questions.GetProperty("replied").GetInt32());
        Assert.Equal("Pause café", Assert.Single(report.GetProperty("announcements").EnumerateArray().ToList()).GetProperty("text").GetString());
        var published = questions.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([cafe.Questions[0], cafe.Questions[1]], published.Select(q => q.GetProperty("id").GetString()));
        foreach (var q in published)
        {
            Assert.Equal(snapshot.Questions.Single(s => s.Id == q.GetProperty("id").GetString()).Votes, q.GetProperty("votes").GetInt32());
        }

        var polls = report.GetProperty("polls").EnumerateArray().ToList();
        Assert.Equal(cafe.Polls, polls.Select(p => p.GetProperty("id").GetString()));
        foreach (var poll in polls)
        {
            var expected = snapshot.Polls.Single(p => p.Id == poll.GetProperty("id").GetString()).Results!;
            var results = poll.GetProperty("results");
            Assert.Equal(expected.Counts, Ints(results.GetProperty("counts")));
            Assert.Equal(expected.Onsite, Ints(results.GetProperty("onsite")));
            Assert.Equal(expected.Remote, Ints(results.GetProperty("remote")));
            Assert.Equal((expected.Voters, expected.VotersOnsite, expected.VotersRemote),
                (results.GetProperty("voters").GetInt32(), results.GetProperty("votersOnsite").GetInt32(), results.GetProperty("votersRemote").GetInt32()));
        }
        Assert.Equal([2, 0, 1], Ints(polls[0].GetProperty("results").GetProperty("counts")));
        Assert.Equal([1, 0, 1], Ints(polls[0].GetProperty("results").GetProperty("onsite")));
        var words = polls[1].GetProperty("results").GetProperty("words").EnumerateArray().ToDictionary(w => w.GetProperty("word").GetString()!.ToLowerInvariant(), w => w.GetProperty("count").GetInt32());
        Assert.Equal(2, words["éthique"]);
        Assert.Equal(2, words["emploi"]);
        Assert.Equal(3.0, polls[2].GetProperty("results").GetProperty("mean").GetProperty("all").GetDouble());
        // Open text: only the approved answer; the one waiting for moderation stays out of the report.
        Assert.Equal(["Un atelier, pour tous"], polls[3].GetProperty("results").GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        var turn = Assert.Single(report.GetProperty("speakingTurns").EnumerateArray().ToList());
        Assert.Equal("remote", turn.GetProperty("mode").GetString());
        Assert.True(turn.TryGetProperty("end", out _));
        Assert.DoesNotContain("Alice", json, StringComparison.Ordinal); // no names in open data

        // The CSV tables carry the same figures.
        using var zip = new ZipArchive(await http.GetStreamAsync($"/api/sessions/{code}/report.zip"));
        Assert.Equal(["LICENCE.txt", "answers.csv", "attendance.csv", "kiosks.csv", "opinion_groups.csv", "opinions.csv", "poll_options.csv", "polls.csv", "questions.csv", "quiz.csv", "reactions.csv", "session.csv", "speaking_turns.csv", "words.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var options = Csv(zip, "poll_options.csv");
        foreach (var poll in polls.Where(p => p.GetProperty("kind").GetString() is "single" or "rating"))
        {
            var id = poll.GetProperty("id").GetString();
            var rows = options.Where(r => r["poll_id"] == id).ToList();
            Assert.Equal(Ints(poll.GetProperty("results").GetProperty("counts")), rows.Select(r => int.Parse(r["count"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(Ints(poll.GetProperty("results").GetProperty("remote")), rows.Select(r => int.Parse(r["remote"], System.Globalization.CultureInfo.InvariantCulture)));
        }
        var csvQuestions = Csv(zip, "questions.csv");
        Assert.Equal(published.Select(q => (q.GetProperty("text").GetString(), q.GetProperty("votes").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))),
            csvQuestions.Select(r => ((string?)r["text"], r["votes"])));
        var csvPolls = Csv(zip, "polls.csv");
        Assert.Equal(polls.Select(p => p.GetProperty("results").GetProperty("voters").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)), csvPolls.Select(r => r["voters"]));
        Assert.Equal(2, Csv(zip, "words.csv").Single(r => r["word"].Equals("emploi", StringComparison.OrdinalIgnoreCase)) is var emploi ? int.Parse(emploi["count"], System.Globalization.CultureInfo.InvariantCulture) : -1);
        Assert.Single(Csv(zip, "speaking_turns.csv"));
    }

    [Fact]
    public async Task The_report_and_the_open_data_carry_ranking_points_and_quiz_results_split_and_validate_against_the_schema()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA classé");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await using var alice = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Onsite));
        await using var bob = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Bob", ParticipantMode.Onsite));
        await using var chloe = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Chloé", ParticipantMode.Remote));
        await facilitator.Invoke("StartSession");
        string[] options = ["former", "réguler", "attendre"];
        async Task<string> Open(CreatePollRequest request)
        {
            var id = (await facilitator.Invoke<PollCreated>("CreatePoll", request)).PollId;
            await facilitator.Invoke("OpenPoll", new PollRef(id));
            return id;
        }
        var ranking = await Open(new CreatePollRequest("Priorités ?", PollKind.Ranking, options));
        await alice.Invoke("Vote", new VoteRequest(ranking, Order: [0, 1, 2]));
        await bob.Invoke("Vote", new VoteRequest(ranking, Order: [1, 0, 2]));
        await chloe.Invoke("Vote", new VoteRequest(ranking, Order: [2, 1, 0]));
        var points = await Open(new CreatePollRequest("Budget ?", PollKind.Points, options, Budget: 10));
        await alice.Invoke("Vote", new VoteRequest(points, Points: [10, 0, 0]));
        await chloe.Invoke("Vote", new VoteRequest(points, Points: [2, 3, 4]));
        var quiz = await Open(new CreatePollRequest("Deep Blue bat Kasparov en ?", PollKind.Quiz, ["1956", "1997", "2012"], Correct: [1], Seconds: 300, Points: 100));
        await alice.Invoke("Vote", new VoteRequest(quiz, [1]));
        await bob.Invoke("Vote", new VoteRequest(quiz, [0]));
        await chloe.Invoke("Vote", new VoteRequest(quiz, [1]));
        await facilitator.Invoke("ClosePoll", new PollRef(quiz));

        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.FacilitatorKey);
        var json = await http.GetStringAsync($"/api/sessions/{created.JoinCode}/report");
        ReportSchema.AssertValid(json);

        var report = JsonDocument.Parse(json).RootElement;
        var polls = report.GetProperty("polls").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var snapshot = (await facilitator.Snapshot()).Polls.ToDictionary(p => p.Id);
        var rankingResults = polls[ranking].GetProperty("results");
        Assert.Equal("ranking", polls[ranking].GetProperty("kind").GetString());
        Assert.Equal([3, 4, 2], Ints(rankingResults.GetProperty("scores").GetProperty("all")));
        Assert.Equal([3, 3, 0], Ints(rankingResults.GetProperty("scores").GetProperty("onsite")));
        Assert.Equal([0, 1, 2], Ints(rankingResults.GetProperty("scores").GetProperty("remote")));
        Assert.Equal(snapshot[ranking].Results!.Scores!.All, Ints(rankingResults.GetProperty("scores").GetProperty("all")));
        Assert.Equal([2, 1.67, 2.33], rankingResults.GetProperty("averageRank").GetProperty("all").EnumerateArray().Select(e => e.GetDouble()));
        var pointsPoll = polls[points];
        Assert.Equal(10, pointsPoll.GetProperty("budget").GetInt32());
        Assert.Equal([12, 3, 4], Ints(pointsPoll.GetProperty("results").GetProperty("totals").GetProperty("all")));
        Assert.Equal([2, 3, 4], Ints(pointsPoll.GetProperty("results").GetProperty("totals").GetProperty("remote")));
        var quizPoll = polls[quiz];
        Assert.Equal((300, 100), (quizPoll.GetProperty("seconds").GetInt32(), quizPoll.GetProperty("maxPoints").GetInt32()));
        Assert.Equal([1], Ints(quizPoll.GetProperty("results").GetProperty("correct")));
        Assert.Equal([1, 2, 0], Ints(quizPoll.GetProperty("results").GetProperty("counts")));
        var scoring = quizPoll.GetProperty("scoring");
        Assert.Equal((2, 1, 1), (scoring.GetProperty("correctAnswers").GetInt32(), scoring.GetProperty("correctOnsite").GetInt32(), scoring.GetProperty("correctRemote").GetInt32()));
        var team = report.GetProperty("quiz");
        Assert.Equal((1, 3), (team.GetProperty("questions").GetInt32(), team.GetProperty("players").GetInt32()));
        Assert.Equal((2, 1), (team.GetProperty("teams").GetProperty("onsitePlayers").GetInt32(), team.GetProperty("teams").GetProperty("remotePlayers").GetInt32()));
        // Alice scored, Bob did not: the on-site average is half of Alice's points; no names in open data.
        Assert.Equal(scoring.GetProperty("meanPoints").GetProperty("onsite").GetDouble(), team.GetProperty("teams").GetProperty("onsite").GetDouble());
        Assert.DoesNotContain("Alice", json, StringComparison.Ordinal);

        using var zip = new ZipArchive(await http.GetStreamAsync($"/api/sessions/{created.JoinCode}/report.zip"));
        var rows = Csv(zip, "poll_options.csv");
        Assert.Equal(["3", "4", "2"], rows.Where(r => r["poll_id"] == ranking).Select(r => r["score"]));
        Assert.Equal(["2", "1.67", "2.33"], rows.Where(r => r["poll_id"] == ranking).Select(r => r["average_rank"]));
        Assert.Equal(["12", "3", "4"], rows.Where(r => r["poll_id"] == points).Select(r => r["points"]));
        Assert.Equal(["false", "true", "false"], rows.Where(r => r["poll_id"] == quiz).Select(r => r["correct"]));
        var csvQuiz = Csv(zip, "polls.csv").Single(r => r["id"] == quiz);
        Assert.Equal(("300", "2", "1"), (csvQuiz["seconds"], csvQuiz["correct_answers"], csvQuiz["correct_remote"]));
        var teams = Assert.Single(Csv(zip, "quiz.csv"));
        Assert.Equal(("3", "2", "1"), (teams["players"], teams["players_onsite"], teams["players_remote"]));
    }

    [Fact]
    public async Task The_report_and_the_open_data_carry_hands_kiosk_ballots_and_questions_asked_on_someones_behalf_and_validate_against_the_schema()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA pour tous");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await using var alice = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Alice", ParticipantMode.Remote));
        await facilitator.Invoke("StartSession");
        var link = await facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest("Entrée"));
        await using var kiosk = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: link.Key));
        var single = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Utile ?", PollKind.Single, ["oui", "non"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(single));
        var rating = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Confiance ?", PollKind.Rating, null, ScaleMax: 3))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(rating));
        await alice.Invoke("Vote", new VoteRequest(single, [1]));
        await kiosk.Invoke("KioskVote", new VoteRequest(single, [0]));
        await kiosk.Invoke("KioskVote", new VoteRequest(single, [0]));
        await facilitator.Invoke("RecordHandCount", new HandCountRequest(single, [4, 2]));
        await kiosk.Invoke("KioskVote", new VoteRequest(rating, Rating: 3));
        await facilitator.Invoke("RecordHandCount", new HandCountRequest(rating, [1, 0, 1]));
        await facilitator.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Et pour ma grand-mère ?", OnBehalf: true));

        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.FacilitatorKey);
        var json = await http.GetStringAsync($"/api/sessions/{created.JoinCode}/report");
        ReportSchema.AssertValid(json);

        var report = JsonDocument.Parse(json).RootElement;
        var polls = report.GetProperty("polls").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var results = polls[single].GetProperty("results");
        Assert.Equal([6, 3], Ints(results.GetProperty("counts")));
        Assert.Equal([2, 0], Ints(results.GetProperty("onsite")));
        Assert.Equal([0, 1], Ints(results.GetProperty("remote")));
        Assert.Equal([4, 2], Ints(results.GetProperty("noDevice")));
        Assert.Equal((9, 6), (results.GetProperty("voters").GetInt32(), results.GetProperty("votersNoDevice").GetInt32()));
        var mean = polls[rating].GetProperty("results").GetProperty("mean");
        // The kiosk's 3 and the hands' 1 and 3: (3 + 1 + 3) / 3.
        Assert.Equal((2.33, 2.0), (mean.GetProperty("all").GetDouble(), mean.GetProperty("noDevice").GetDouble()));
        var questions = report.GetProperty("questions");
        Assert.Equal((1, 1, 1), (questions.GetProperty("asked").GetInt32(), questions.GetProperty("askedOnsite").GetInt32(), questions.GetProperty("askedOnBehalf").GetInt32()));
        var kiosks = Assert.Single(report.GetProperty("kiosks").EnumerateArray().ToList());
        Assert.Equal((link.Id, "Entrée", 3), (kiosks.GetProperty("id").GetString(), kiosks.GetProperty("label").GetString(), kiosks.GetProperty("ballots").GetInt32()));

        using var zip = new ZipArchive(await http.GetStreamAsync($"/api/sessions/{created.JoinCode}/report.zip"));
        Assert.Equal(["4", "2"], Csv(zip, "poll_options.csv").Where(r => r["poll_id"] == single).Select(r => r["no_device"]));
        var csvPoll = Csv(zip, "polls.csv").Single(r => r["id"] == single);
        Assert.Equal(("9", "6"), (csvPoll["voters"], csvPoll["voters_no_device"]));
        var csvKiosk = Assert.Single(Csv(zip, "kiosks.csv"));
        Assert.Equal((link.Id, "Entrée", "3"), (csvKiosk["id"], csvKiosk["label"], csvKiosk["ballots"]));
    }

    [Fact]
    public async Task An_opinion_map_is_in_the_report_and_its_CSV_with_split_votes_groups_and_consensus_and_no_personal_data()
    {
        await using var cafe = await PlantedOpinionCafe.Play(gateway.BaseAddress);
        var (staff, _) = await cafe.SettledMap();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cafe.Created.FacilitatorKey);
        var code = cafe.Created.JoinCode;
        var json = await http.GetStringAsync($"/api/sessions/{code}/report");

        ReportSchema.AssertValid(json);
        var opinion = JsonDocument.Parse(json).RootElement.GetProperty("opinions").EnumerateArray().Single();
        Assert.Equal((24, 12, 12), (opinion.GetProperty("voters").GetInt32(), opinion.GetProperty("votersOnsite").GetInt32(), opinion.GetProperty("votersRemote").GetInt32()));
        var statements = opinion.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(staff.Statements.Select(s => (s.Id, s.Agree, s.Disagree, s.Pass)),
            statements.Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("agree").GetInt32(), s.GetProperty("disagree").GetInt32(), s.GetProperty("pass").GetInt32())));
        var consensus = statements.Single(s => s.GetProperty("text").GetString() == PlantedOpinionCafe.Consensus);
        Assert.Equal((12, 12), (consensus.GetProperty("onsite").GetProperty("agree").GetInt32(), consensus.GetProperty("remote").GetProperty("agree").GetInt32()));
        var groups = opinion.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(staff.Groups.Select(g => (g.Id, g.Size, g.Onsite, g.Remote)),
            groups.Select(g => (g.GetProperty("id").GetInt32(), g.GetProperty("size").GetInt32(), g.GetProperty("onsite").GetInt32(), g.GetProperty("remote").GetInt32())));
        Assert.Equal(24, groups.Sum(g => g.GetProperty("size").GetInt32()));
        Assert.Equal(consensus.GetProperty("id").GetString(), opinion.GetProperty("consensus")[0].GetProperty("statementId").GetString());
        foreach (var (client, _) in cafe.Participants)
        {
            Assert.DoesNotContain(client.ParticipantId, json, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\"P1\"", json, StringComparison.Ordinal); // no display names
        Assert.DoesNotContain("\"x\"", json, StringComparison.Ordinal); // no dots

        using var zip = new ZipArchive(await http.GetStreamAsync($"/api/sessions/{code}/report.zip"));
        var rows = Csv(zip, "opinions.csv");
        Assert.Equal(staff.Statements.Select(s => (s.Id, s.Agree.ToString(System.Globalization.CultureInfo.InvariantCulture))), rows.Select(r => (r["statement_id"], r["agree"])));
        Assert.Equal("12", rows.Single(r => r["text"] == PlantedOpinionCafe.Consensus)["agree_remote"]);
        Assert.NotEqual("", rows.Single(r => r["text"] == PlantedOpinionCafe.Consensus)["consensus_score"]);
        var groupRows = Csv(zip, "opinion_groups.csv");
        Assert.Equal(staff.Groups.Sum(g => Math.Max(1, g.Representative.Length)), groupRows.Count);
        Assert.Equal(24, groupRows.GroupBy(r => r["group"]).Sum(g => int.Parse(g.First()["size"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Only_the_facilitator_reads_the_report_until_it_is_published()
    {
        await using var cafe = await ScriptedCafe.Play(gateway.BaseAddress);
        using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
        var path = $"/api/sessions/{cafe.Created.JoinCode}/report";

        var refused = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(RefusalCodes.Forbidden, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cafe.Created.ModeratorKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(path)).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = null;

        await cafe.Facilitator.Invoke("PublishReport", new ReportVisibility(true));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path + ".zip")).StatusCode);
        Assert.True((await cafe.Facilitator.Snapshot()).ReportPublic);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/sessions/ZZZZZZ/report")).StatusCode);
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static List<Dictionary<string, string>> Csv(ZipArchive zip, string name)
    {
        using var parser = new TextFieldParser(zip.GetEntry(name)!.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }
}
