using CafeIA.Gateway.Api;
using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeIA.Gateway.Reports;

/// <summary>
/// The session report as JSON and as zipped CSV. The facilitator sends their key in the
/// Authorization header ("Bearer …", never in the URL: it would reach access logs); once the
/// facilitator published the report, the join code is enough.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sessions/{joinCode}/report", async (string joinCode, HttpContext http, IGrainFactory grains, AbuseGuard guard) =>
            await Read(joinCode, http, grains, guard) is var (report, error) && report is not null
                ? Results.Json(report, statusCode: StatusCodes.Status200OK)
                : error!);
        endpoints.MapGet("/api/sessions/{joinCode}/report.zip", async (string joinCode, HttpContext http, IGrainFactory grains, AbuseGuard guard) =>
            await Read(joinCode, http, grains, guard) is var (report, error) && report is not null
                ? Results.File(ReportCsv.Zip(report), "application/zip", $"cafe-ia-{JoinCode.Normalize(joinCode)}-rapport.zip")
                : error!);
        return endpoints;
    }

    private static async Task<(SessionReport? Report, IResult? Error)> Read(string joinCode, HttpContext http, IGrainFactory grains, AbuseGuard guard)
    {
        var (sessionId, refused) = await JoinCodeLookup.Find(joinCode, http, grains, guard);
        if (sessionId is not { } id)
        {
            return (null, refused);
        }
        var outcome = await grains.GetGrain<ISessionGrain>(id).GetReport(BearerKey.Of(http));
        return outcome.Refusal is { } refusal ? (null, HttpRefusal.Of(refusal)) : (outcome.Value, null);
    }
}
