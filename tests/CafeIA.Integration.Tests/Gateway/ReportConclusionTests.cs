using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.VisualBasic.FileIO;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The report as the café's documentation over real SignalR and HTTP: its cover and the facilitator's conclusion, in the JSON (schema) and the CSV.</summary>
public sealed class ReportConclusionTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    [Fact]
    public async Task The_conclusion_and_the_cover_reach_the_report_its_open_data_and_the_staff_only()
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA à Morlaix");
        await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await using var moderator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.ModeratorKey));
        await using var alice = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Alice"));
        var startsAt = new DateTimeOffset(2027, 1, 14, 18, 0, 0, TimeSpan.FromHours(1));
        await facilitator.Invoke("PublishCafe", new CafeListingRequest("Médiathèque de Morlaix", startsAt, CafeFormat.Hybrid, "Ville de Morlaix"));
        await facilitator.Invoke("StartSession");
        await facilitator.Invoke("EndSession");

        const string conclusion = "Ce que nous retenons : l'IA inquiète moins quand on l'a essayée.\n=À refaire au printemps.";
        await facilitator.Invoke("SetConclusion", new ConclusionRequest(conclusion));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => moderator.Invoke("SetConclusion", new ConclusionRequest("Autre"))));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() => facilitator.Invoke("SetConclusion", new ConclusionRequest(new string('a', 2001)))));
        Assert.Equal(conclusion, (await Eventually.Get(() => moderator.Snapshot(), s => s.Conclusion is not null, "the conclusion in the staff's snapshot")).Conclusion);
        Assert.Null((await alice.Snapshot()).Conclusion);

        using var http = gateway.Host.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.FacilitatorKey);
        var json = await http.GetStringAsync($"/api/sessions/{created.JoinCode}/report");
        ReportSchema.AssertValid(json);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal(conclusion, report.GetProperty("conclusion").GetString());
        var cover = report.GetProperty("cover");
        Assert.Equal(("Café IA à Morlaix", "Médiathèque de Morlaix", "Ville de Morlaix", "hybrid"),
            (cover.GetProperty("title").GetString(), cover.GetProperty("place").GetString(), cover.GetProperty("organiser").GetString(), cover.GetProperty("attendance").GetString()));
        Assert.Equal(startsAt, cover.GetProperty("date").GetDateTimeOffset());

        using var zip = new ZipArchive(await http.GetStreamAsync($"/api/sessions/{created.JoinCode}/report.zip"));
        using var parser = new TextFieldParser(zip.GetEntry("session.csv")!.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var row = parser.ReadFields()!.Zip(parser.ReadFields()!).ToDictionary(p => p.First, p => p.Second);
        // A text starting with "=" would run as a formula in a spreadsheet; the line inside keeps its "=" harmlessly.
        Assert.Equal(conclusion, row["conclusion"]);
        Assert.Equal(("Médiathèque de Morlaix", "Ville de Morlaix", "hybrid", "2027-01-14T17:00:00Z"), (row["place"], row["organiser"], row["attendance"], row["date"]));

        await facilitator.Invoke("SetConclusion", new ConclusionRequest(""));
        var cleared = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{created.JoinCode}/report")).RootElement;
        Assert.False(cleared.TryGetProperty("conclusion", out _));
    }
}
