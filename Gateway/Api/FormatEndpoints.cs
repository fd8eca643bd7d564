using CafeIA.Gateway.Security;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Gateway.Api;

/// <summary>POST /api/formats: the session (its join code) whose facilitator key comes as the bearer; FormatId to add a version to a format it published.</summary>
public sealed record PublishFormatRequest(string? JoinCode, string? FormatId = null);

/// <summary>POST /api/programmes/{programmeId}/formats: a catalogue format (its latest version unless Version) or an uploaded one.</summary>
public sealed record PushFormatRequest(string? FormatId = null, int? Version = null, SessionFormat? Format = null);

/// <summary>
/// Formats that travel (docs/PROTOCOL.md, "Formats" and "Catalogue of formats"): a session's format
/// for its facilitator, the public catalogue (publish, search, open a format and its versions).
/// </summary>
public static class FormatEndpoints
{
    public static IEndpointRouteBuilder MapFormatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sessions/{joinCode}/format", async (string joinCode, HttpContext http, IGrainFactory grains, AbuseGuard guard) =>
        {
            var (session, missing) = await SessionOf(joinCode, http, grains, guard);
            if (session is null)
            {
                return missing!;
            }
            var outcome = await session.ExportFormat(BearerKey.Of(http));
            return outcome.Refusal is { } refusal ? Refused(refusal) : Results.Ok(outcome.Value);
        });
        var api = endpoints.MapGroup("/api/formats");
        api.MapPost("/", Publish);
        api.MapGet("/", async (string? query, string? language, string? audience, IGrainFactory grains) =>
        {
            SessionLanguage? speaks = null;
            if (!string.IsNullOrEmpty(language))
            {
                if (!Enum.TryParse<SessionLanguage>(language, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(language, out _))
                {
                    return Refused(new Refusal(RefusalCodes.Invalid, "language: fr or en.", "language"));
                }
                speaks = parsed;
            }
            return Results.Ok(new { formats = await grains.GetGrain<IFormatCatalogueGrain>(0).Search(query, speaks, audience) });
        });
        api.MapGet("/{formatId}", async (string formatId, IGrainFactory grains) =>
            await grains.GetGrain<IFormatGrain>(formatId).Get() is { } record
                ? Results.Ok(new FormatPage(record.Latest.FormatId, record.Latest.Version, record.Latest.PublishedAt, record.Latest.Format,
                    record.Versions, await FormatCafes.Published(record.Cafes, grains)))
                : NoSuchFormat());
        endpoints.MapPost("/api/programmes/{programmeId:guid}/formats", PushToProgramme);
        api.MapGet("/{formatId}/versions/{version:int}", async (string formatId, int version, IGrainFactory grains) =>
            await grains.GetGrain<IFormatGrain>(formatId).GetVersion(version) is { } found ? Results.Ok(found) : NoSuchFormat());
        return endpoints;
    }

    private static async Task<IResult> Publish(PublishFormatRequest? request, HttpContext http, IGrainFactory grains, AbuseGuard guard)
    {
        var (session, missing) = await SessionOf(request?.JoinCode, http, grains, guard);
        if (session is null)
        {
            return missing!;
        }
        var key = BearerKey.Of(http);
        var exported = await session.ExportFormat(key);
        if (exported.Refusal is { } refusal)
        {
            return Refused(refusal);
        }
        var published = (await session.GetPublishedFormatId(key)).Value;
        if (request!.FormatId is { } named && !FormatIds.IsFormatId(named))
        {
            return Refused(new Refusal(RefusalCodes.Invalid, "formatId: not a format id.", "formatId"));
        }
        var formatId = request.FormatId ?? published ?? FormatIds.NewFormatId();
        var outcome = await grains.GetGrain<IFormatGrain>(formatId).Publish(exported.Value!, session.GetPrimaryKey());
        if (outcome.Refusal is { } forbidden)
        {
            return Refused(forbidden);
        }
        if (published is null)
        {
            await session.RecordPublishedFormat(key, formatId);
        }
        return Results.Created($"/api/formats/{formatId}", outcome.Value);
    }

    /// <summary>The organiser (bearer: the organiser key) gives a format to every café of the programme still in draft.</summary>
    private static async Task<IResult> PushToProgramme(Guid programmeId, HttpRequest request, HttpContext http, FormatUpload upload, IGrainFactory grains)
    {
        var (body, unreadable) = await upload.Read<PushFormatRequest>(request);
        if (unreadable is not null)
        {
            return Refused(unreadable);
        }
        SessionFormat? format = body?.Format;
        FormatOrigin? origin = null;
        if (body?.FormatId is { } formatId)
        {
            var grain = grains.GetGrain<IFormatGrain>(formatId);
            if ((body.Version is { } version ? await grain.GetVersion(version) : (await grain.Get())?.Latest) is not { } found)
            {
                return NoSuchFormat();
            }
            (format, origin) = (found.Format, new FormatOrigin(found.FormatId, found.Version));
        }
        if (format is null)
        {
            return Refused(new Refusal(RefusalCodes.Invalid, "format: give a formatId or a format.", "format"));
        }
        var outcome = await grains.GetGrain<IProgrammeGrain>(programmeId).PushFormat(BearerKey.Of(http), format, origin);
        return outcome.Refusal is { } refusal
            ? Refused(body?.Format is not null && refusal.Field is { } field ? refusal with { Field = $"format.{field}", Message = $"format.{refusal.Message}" } : refusal)
            : Results.Ok(outcome.Value);
    }

    private static async Task<(ISessionGrain? Session, IResult? Missing)> SessionOf(string? joinCode, HttpContext http, IGrainFactory grains, AbuseGuard guard)
    {
        var (sessionId, refused) = await JoinCodeLookup.Find(joinCode, http, grains, guard);
        return sessionId is { } id ? (grains.GetGrain<ISessionGrain>(id), null) : (null, refused);
    }

    private static IResult NoSuchFormat() => HttpRefusal.Of(RefusalCodes.NotFound, "There is no such format (or version) in the catalogue.");

    private static IResult Refused(Refusal refusal) => HttpRefusal.Of(refusal);
}

/// <summary>GET /api/formats/{formatId}: the latest version, every version's headline, and the cafés that used it whose reports are published.</summary>
public sealed record FormatPage(string FormatId, int Version, DateTimeOffset PublishedAt, SessionFormat Format, FormatVersionInfo[] Versions,
    FormatCafeReport[] Cafes);
