using System.Text.Json.Serialization;

namespace CafeIA.Wire;

// Formats that travel (docs/PROTOCOL.md, "Formats"): a session's agenda, its polls and opinion maps
// and its settings, as one JSON document (schema docs/format.schema.json) that is exported,
// published in the catalogue and replicated. It carries no participant data, no key, no result.
// An uploaded format with a property the schema does not know is refused, the property named.

/// <summary>What the facilitator says about the café for those who replicate it; Licence defaults to CC-BY-SA-4.0.</summary>
[GenerateSerializer, Immutable, Alias("cafe.SessionDetails")]
public sealed record SessionDetails(
    [property: Id(0)] string? Description = null,
    [property: Id(1)] string? Audience = null,
    [property: Id(2)] string Licence = SessionFormat.DefaultLicence);

/// <summary>SetSessionDetails: absent fields are cleared (description, audience) or set back to the default (licence).</summary>
[GenerateSerializer, Immutable, Alias("cafe.SessionDetailsRequest")]
public sealed record SessionDetailsRequest(
    [property: Id(0)] string? Description = null,
    [property: Id(1)] string? Audience = null,
    [property: Id(2)] string? Licence = null,
    [property: Id(3)] string? OpId = null) : IOperation;

/// <summary>The catalogue format (and version) a session was created from.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatOrigin")]
public sealed record FormatOrigin([property: Id(0)] string FormatId, [property: Id(1)] int Version);

/// <summary>A poll's definition in a format: the fields of CreatePoll, nothing of its ballots or results.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatPoll")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FormatPoll(
    [property: Id(0)] string? Question,
    [property: Id(1)] PollKind? Kind,
    [property: Id(2)] string[]? Options = null,
    [property: Id(3)] int? MaxChoices = null,
    [property: Id(4)] int? ScaleMax = null,
    [property: Id(5)] string? MinLabel = null,
    [property: Id(6)] string? MaxLabel = null,
    [property: Id(7)] bool HideResults = false,
    [property: Id(8)] int? Budget = null,
    [property: Id(9)] int[]? Correct = null,
    [property: Id(10)] int? Seconds = null,
    [property: Id(11)] int? Points = null);

/// <summary>An opinion map's definition in a format: the topic and the seed statements (never participants' statements).</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatOpinion")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FormatOpinion([property: Id(0)] string? Topic, [property: Id(1)] string[]? Statements = null);

/// <summary>An activity of a format's agenda, its poll or opinion map inline.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatActivity")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FormatActivity(
    [property: Id(0)] string? Id,
    [property: Id(1)] AgendaActivityKind? Kind,
    [property: Id(2)] string? Title,
    [property: Id(3)] int? DurationMinutes,
    [property: Id(4)] string? Notes = null,
    [property: Id(5)] FormatPoll? Poll = null,
    [property: Id(6)] FormatOpinion? Opinion = null,
    [property: Id(7)] bool OpenOnStart = false,
    [property: Id(8)] bool ShowTimer = false);

/// <summary>The session's settings a format carries.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatSettings")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FormatSettings(
    [property: Id(0)] bool Moderation = false,
    [property: Id(1)] ProfanityMode ProfanityFilter = ProfanityMode.Review,
    [property: Id(2)] bool EasyRead = false);

/// <summary>
/// A format: docs/format.schema.json, version <see cref="CurrentSchemaVersion"/>. DurationMinutes is the
/// sum of the activities' durations. Nullable fields are what an uploaded file may lack; the
/// domain says which are required (FormatRules).
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.SessionFormat")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SessionFormat(
    [property: Id(0)] int SchemaVersion,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] string? Audience,
    [property: Id(4)] SessionLanguage? Language,
    [property: Id(5)] int? DurationMinutes,
    [property: Id(6)] string? Licence,
    [property: Id(7)] FormatActivity[]? Agenda,
    [property: Id(8)] FormatSettings? Settings)
{
    public const int CurrentSchemaVersion = 1;
    public const string DefaultLicence = "CC-BY-SA-4.0";
}

/// <summary>The café's description, audience and licence now, to every audience.</summary>
[GenerateSerializer, Immutable, Alias("cafe.DetailsChanged")]
public sealed record DetailsChanged([property: Id(0)] SessionDetails Details) : SessionEvent;
