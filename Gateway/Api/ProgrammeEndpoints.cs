using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Gateway.Api;

public sealed record CreateProgrammeRequest(string? Title);

/// <summary>
/// National programmes: create one (the organiser gets a key and an invitation key for cafés),
/// push a poll to every café (organiser key in the Authorization header), read the national tallies.
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
        api.MapGet("/{programmeId:guid}", async (Guid programmeId, IGrainFactory grains) =>
            await grains.GetGrain<IProgrammeGrain>(programmeId).GetView() is { } view
                ? Results.Ok(view)
                : Results.Json(new ApiError(RefusalCodes.NotFound, "There is no such programme."), statusCode: StatusCodes.Status404NotFound));
        return endpoints;
    }
}
