using System.Globalization;
using System.IO.Compression;
using System.Text;
using CafeIA.Wire;
using CsvHelper;

namespace CafeIA.Gateway.Reports;

/// <summary>
/// The report as open data in CSV: one file per table (RFC 4180, UTF-8, comma, header row), zipped
/// with a LICENCE.txt. A text field starting with = + - @ gets a leading quote (CSV injection). Columns are documented in docs/PROTOCOL.md ("Session report"); figures are
/// the JSON report's, table by table.
/// </summary>
public static class ReportCsv
{
    // Text typed by participants must not run as a spreadsheet formula when the file is opened.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Zip(SessionReport report)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var s = report.Session;
            var cover = report.Cover;
            Table(zip, "session.csv", ["title", "language", "state", "created_at", "started_at", "ended_at", "licence", "licence_url",
                "date", "place", "organiser", "attendance", "format_id", "format_version", "summary", "conclusion"],
                [[s.Title, Name(s.Language), Name(s.State), Time(s.CreatedAt), Time(s.StartedAt), Time(s.EndedAt), report.Licence.Name, report.Licence.Url,
                    Time(cover?.Date), cover?.Place ?? "", cover?.Organiser ?? "", cover?.Attendance is { } attendance ? Name(attendance) : "",
                    cover?.Format?.FormatId ?? "", Number(cover?.Format?.Version), cover?.Summary ?? "", report.Conclusion ?? ""]]);
            var a = report.Attendance;
            Table(zip, "attendance.csv", ["minute", "onsite", "remote"],
                a.Timeline.Select(p => new[] { Time(p.At), Number(p.Onsite), Number(p.Remote) }));
            Table(zip, "questions.csv", ["id", "text", "votes", "status", "mode", "asked_at"],
                report.Questions.Questions.Select(q => new[] { q.Id, q.Text, Number(q.Votes), Name(q.Status), Name(q.Mode), Time(q.AskedAt) }));
            Table(zip, "polls.csv", ["id", "question", "kind", "state", "voters", "voters_onsite", "voters_remote", "mean", "mean_onsite", "mean_remote",
                "budget", "seconds", "max_points", "correct_answers", "correct_onsite", "correct_remote", "mean_points", "mean_points_onsite", "mean_points_remote",
                "voters_no_device", "mean_no_device"],
                report.Polls.Select(p => new[]
                {
                    p.Id, p.Question, Name(p.Kind), Name(p.State), Number(p.Results.Voters), Number(p.Results.VotersOnsite), Number(p.Results.VotersRemote),
                    Decimal(p.Results.Mean?.All), Decimal(p.Results.Mean?.Onsite), Decimal(p.Results.Mean?.Remote),
                    Number(p.Budget), Number(p.Seconds), Number(p.MaxPoints),
                    Number(p.Scoring?.CorrectAnswers), Number(p.Scoring?.CorrectOnsite), Number(p.Scoring?.CorrectRemote),
                    Decimal(p.Scoring?.MeanPoints.All), Decimal(p.Scoring?.MeanPoints.Onsite), Decimal(p.Scoring?.MeanPoints.Remote),
                    Number(p.Results.VotersNoDevice), Decimal(p.Results.Mean?.NoDevice),
                }));
            Table(zip, "poll_options.csv", ["poll_id", "option", "label", "count", "onsite", "remote",
                "score", "score_onsite", "score_remote", "average_rank", "average_rank_onsite", "average_rank_remote",
                "points", "points_onsite", "points_remote", "correct", "no_device"],
                report.Polls.SelectMany(p => p.Results.Counts.Select((count, i) => new[]
                {
                    p.Id, Number(i + 1), i < p.Options.Length ? p.Options[i] : Number(i + 1), Number(count), Number(p.Results.Onsite[i]), Number(p.Results.Remote[i]),
                    Number(p.Results.Scores?.All[i]), Number(p.Results.Scores?.Onsite[i]), Number(p.Results.Scores?.Remote[i]),
                    Decimal(p.Results.AverageRank?.All[i]), Decimal(p.Results.AverageRank?.Onsite[i]), Decimal(p.Results.AverageRank?.Remote[i]),
                    Number(p.Results.Totals?.All[i]), Number(p.Results.Totals?.Onsite[i]), Number(p.Results.Totals?.Remote[i]),
                    p.Results.Correct is { } correct ? (correct.Contains(i) ? "true" : "false") : "",
                    Number(p.Results.NoDevice?[i]),
                })));
            Table(zip, "quiz.csv", ["questions", "players", "players_onsite", "players_remote", "average_points_onsite", "average_points_remote"],
                report.Quiz is { } quiz
                    ? [[Number(quiz.Questions), Number(quiz.Players), Number(quiz.Teams.OnsitePlayers), Number(quiz.Teams.RemotePlayers),
                        Decimal(quiz.Teams.Onsite), Decimal(quiz.Teams.Remote)]]
                    : []);
            Table(zip, "words.csv", ["poll_id", "word", "count", "onsite", "remote"],
                report.Polls.SelectMany(p => (p.Results.Words ?? []).Select(w => new[] { p.Id, w.Word, Number(w.Count), Number(w.Onsite), Number(w.Remote) })));
            Table(zip, "answers.csv", ["poll_id", "answer_id", "text", "mode"],
                report.Polls.SelectMany(p => (p.Results.Answers ?? []).Select(x => new[] { p.Id, x.Id, x.Text, Name(x.Mode) })));
            Table(zip, "speaking_turns.csv", ["number", "mode", "start", "end", "seconds"],
                report.SpeakingTurns.Select(t => new[]
                {
                    Number(t.Number), Name(t.Mode), Time(t.Start), Time(t.End), t.End is { } end ? Number((int)Math.Round((end - t.Start).TotalSeconds)) : "",
                }));
            Table(zip, "reactions.csv", ["minute", "kind", "count", "onsite", "remote"],
                (report.Reactions?.Timeline ?? []).SelectMany(m => m.Counts.Select(c => new[] { Time(m.At), c.Kind, Number(c.Count), Number(c.Onsite), Number(c.Remote) })));
            Table(zip, "kiosks.csv", ["id", "label", "ballots"],
                (report.Kiosks ?? []).Select(k => new[] { k.Id, k.Label ?? "", Number(k.Ballots) }));
            var opinions = report.Opinions ?? [];
            Table(zip, "opinions.csv", ["opinion_id", "topic", "state", "statement_id", "text", "seed", "agree", "disagree", "pass",
                "agree_onsite", "disagree_onsite", "pass_onsite", "agree_remote", "disagree_remote", "pass_remote", "consensus_score"],
                opinions.SelectMany(o => o.Statements.Select(st => new[]
                {
                    o.Id, o.Topic, Name(o.State), st.Id, st.Text, st.Seed ? "true" : "false", Number(st.Agree), Number(st.Disagree), Number(st.Pass),
                    Number(st.Onsite.Agree), Number(st.Onsite.Disagree), Number(st.Onsite.Pass),
                    Number(st.Remote.Agree), Number(st.Remote.Disagree), Number(st.Remote.Pass),
                    Decimal(o.Consensus.FirstOrDefault(c => c.StatementId == st.Id)?.Score, "0.###"),
                })));
            Table(zip, "opinion_groups.csv", ["opinion_id", "group", "size", "onsite", "remote", "rank", "statement_id", "agree_rate", "agrees"],
                opinions.SelectMany(o => o.Groups.SelectMany(g => g.Representative.Length == 0
                    ? [[o.Id, Number(g.Id), Number(g.Size), Number(g.Onsite), Number(g.Remote), "", "", "", ""]]
                    : g.Representative.Select((r, i) => new[]
                    {
                        o.Id, Number(g.Id), Number(g.Size), Number(g.Onsite), Number(g.Remote), Number(i + 1), r.StatementId,
                        Decimal(r.AgreeRate, "0.###"), r.Agrees ? "true" : "false",
                    }))));
            using var licence = new StreamWriter(zip.CreateEntry("LICENCE.txt").Open(), new UTF8Encoding(false));
            licence.Write($"{report.Licence.Name}\n{report.Licence.Url}\n\nSchema: {report.Schema}\n");
        }
        return buffer.ToArray();
    }

    private static void Table(ZipArchive zip, string name, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: false);
        csv.WriteRecord(header);
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
        }
    }

    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Decimal(double? value, string format = "0.##") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
