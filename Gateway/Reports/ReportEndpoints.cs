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
        var address = ClientAddress.Of(http);
        if (!guard.MayTryJoinCodes(address))
        {
            return (null, Error(RefusalCodes.RateLimited, "Too many unknown join codes from your network: wait a minute.", StatusCodes.Status429TooManyRequests));
        }
        if (JoinCode.Normalize(joinCode) is not { } code || await grains.GetGrain<IJoinCodeGrain>(code).GetSessionId() is not { } sessionId)
        {
            guard.FailedJoin(address);
            return (null, Error(RefusalCodes.NotFound, "No session has this join code.", StatusCodes.Status404NotFound));
        }
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var outcome = await grains.GetGrain<ISessionGrain>(sessionId).GetReport(key);
        return outcome.Refusal is { } refusal
            ? (null, Error(refusal.Code, refusal.Message, refusal.Code == RefusalCodes.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden))
            : (outcome.Value, null);
    }

    private static IResult Error(string code, string message, int status) => Results.Json(new ApiError(code, message), statusCode: status);
}
