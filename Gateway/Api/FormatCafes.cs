using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Gateway.Api;

/// <summary>A café created from a format whose report is published, with the report's headline figures.</summary>
public sealed record FormatCafeReport(string JoinCode, string Title, int Version, SessionPhase State, DateTimeOffset? StartedAt,
    int Participants, int Questions, int Ballots, string Report);

/// <summary>The cafés a format page documents: those created from it whose facilitators published their reports.</summary>
public static class FormatCafes
{
    /// <summary>The most recent cafés looked at per page: each is one read of its session.</summary>
    public const int MaxLooked = 50;

    public static async Task<FormatCafeReport[]> Published(FormatCafe[] cafes, IGrainFactory grains)
    {
        var reports = await Task.WhenAll(cafes.Take(MaxLooked).Select(async cafe =>
        {
            var session = grains.GetGrain<ISessionGrain>(cafe.SessionId);
            if ((await session.GetReport(null)).Value is not { } report || await session.GetSummary() is not { } summary)
            {
                return null;
            }
            return new FormatCafeReport(summary.JoinCode, report.Session.Title, cafe.Version, report.Session.State, report.Session.StartedAt,
                report.Attendance.ParticipantsOnsite + report.Attendance.ParticipantsRemote,
                report.Questions.Asked,
                report.Polls.Sum(p => p.Results.Voters),
                $"/api/sessions/{summary.JoinCode}/report");
        }));
        return [.. reports.OfType<FormatCafeReport>()];
    }
}
