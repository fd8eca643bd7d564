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
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Created($"/api/programmes/{id}", outcome.Value);
        });
        api.MapPost("/{programmeId:guid}/polls", async (Guid programmeId, CreatePollRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).PushPoll(BearerKey.Of(http), request ?? new CreatePollRequest(null, PollKind.Single));
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Created($"/api/programmes/{programmeId}", outcome.Value);
        });
        api.MapPost("/{programmeId:guid}/opinions", async (Guid programmeId, PushOpinionRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).PushOpinion(BearerKey.Of(http), request ?? new PushOpinionRequest(null));
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Created($"/api/programmes/{programmeId}", outcome.Value);
        });
        api.MapPost("/{programmeId:guid}/opinions/{programmeOpinionId}/pool", async (Guid programmeId, string programmeOpinionId, OpinionPoolRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            if (request?.PoolStatements is not { } pool)
            {
                return Refused(new Refusal(RefusalCodes.Invalid, "Say poolStatements: true or false."));
            }
            var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).SetOpinionPool(BearerKey.Of(http), programmeOpinionId, pool);
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Ok(outcome.Value);
        });
        api.MapGet("/{programmeId:guid}/opinions/{programmeOpinionId}", async (Guid programmeId, string programmeOpinionId, IGrainFactory grains) =>
            await grains.GetGrain<IProgrammeGrain>(programmeId).GetView() is { Opinions: { } opinions } && opinions.Any(o => o.ProgrammeOpinionId == programmeOpinionId)
                && await grains.GetGrain<IProgrammeOpinionGrain>(ProgrammeOpinionKey.Of(programmeId, programmeOpinionId)).GetView() is { } view
                ? Results.Ok(view)
                : HttpRefusal.Of(RefusalCodes.NotFound, "There is no such programme opinion."));
        api.MapGet("/{programmeId:guid}", async (Guid programmeId, IGrainFactory grains) =>
            await grains.GetGrain<IProgrammeGrain>(programmeId).GetView() is { } view
                ? Results.Ok(view)
                : HttpRefusal.Of(RefusalCodes.NotFound, "There is no such programme."));
        return endpoints;
    }

    private static IResult Refused(Refusal refusal) => HttpRefusal.Of(refusal);
}
