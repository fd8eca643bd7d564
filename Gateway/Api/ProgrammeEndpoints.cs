using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Gateway.Api;

public sealed record CreateProgrammeRequest(string? Title);

/// <summary>
/// National programmes: create one (the organiser gets a key and an invitation key for cafés),
/// push a poll or an opinion to every café and switch an opinion's national pool (organiser key in
/// the Authorization header), read the national tallies and opinions.
/// </summary>
public static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/programmes");
        api.MapPost("/", async (CreateProgrammeRequest? request, IGrainFactory grains, AbuseGuard guard, HttpContext http) =>
        {
            if (guard.Refusal(Creation.Programme, http) is { } limited)
            {
                return (IResult)limited;
            }
            var id = Guid.NewGuid();
            var outcome = await grains.GetGrain<IProgrammeGrain>(id).Create(request?.Title);
            return outcome.Refusal is { } refusal
                ? Results.Json(new ApiError(refusal.Code, refusal.Message), statusCode: StatusCodes.Status400BadRequest)
                : Results.Created($"/api/programmes/{id}", outcome.Value);
        });
        api.MapPost("/{programmeId:guid}/polls", async (Guid programmeId, CreatePollRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).PushPoll(key, request ?? new CreatePollRequest(null, PollKind.Single));
            return outcome.Refusal is { } refusal
                ? Results.Json(new ApiError(refusal.Code, refusal.Message),
                    statusCode: refusal.Code == RefusalCodes.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest)
                : Results.Created($"/api/programmes/{programmeId}", outcome.Value);
        });
        api.MapPost("/{programmeId:guid}/opinions", async (Guid programmeId, PushOpinionRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).PushOpinion(OrganiserKey(http), request ?? new PushOpinionRequest(null));
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Created($"/api/programmes/{programmeId}", outcome.Value);
        });
        api.MapPost("/{programmeId:guid}/opinions/{programmeOpinionId}/pool", async (Guid programmeId, string programmeOpinionId, OpinionPoolRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            if (request?.PoolStatements is not { } pool)
            {
                return Refused(new Refusal(RefusalCodes.Invalid, "Say poolStatements: true or false."));
            }
            var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).SetOpinionPool(OrganiserKey(http), programmeOpinionId, pool);
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Ok(outcome.Value);
        });
        api.MapGet("/{programmeId:guid}/opinions/{programmeOpinionId}", async (Guid programmeId, string programmeOpinionId, IGrainFactory grains) =>
            await grains.GetGrain<IProgrammeGrain>(programmeId).GetView() is { Opinions: { } opinions } && opinions.Any(o => o.ProgrammeOpinionId == programmeOpinionId)
                && await grains.GetGrain<IProgrammeOpinionGrain>(ProgrammeOpinionKey.Of(programmeId, programmeOpinionId)).GetView() is { } view
                ? Results.Ok(view)
                : Results.Json(new ApiError(RefusalCodes.NotFound, "There is no such programme opinion."), statusCode: StatusCodes.Status404NotFound));
        api.MapGet("/{programmeId:guid}", async (Guid programmeId, IGrainFactory grains) =>
            await grains.GetGrain<IProgrammeGrain>(programmeId).GetView() is { } view
                ? Results.Ok(view)
                : Results.Json(new ApiError(RefusalCodes.NotFound, "There is no such programme."), statusCode: StatusCodes.Status404NotFound));
        return endpoints;
    }

    /// <summary>The organiser's key, from "Authorization: Bearer …".</summary>
    private static string? OrganiserKey(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static IResult Refused(Refusal refusal) =>
        Results.Json(new ApiError(refusal.Code, refusal.Message), statusCode: refusal.Code switch
        {
            RefusalCodes.Forbidden => StatusCodes.Status403Forbidden,
            RefusalCodes.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        });
}
