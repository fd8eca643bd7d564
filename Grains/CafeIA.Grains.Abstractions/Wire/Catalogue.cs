namespace CafeIA.Wire;

// The catalogue of formats (docs/PROTOCOL.md, "Catalogue of formats"): published formats, their
// versions, and the cafés created from them.

[GenerateSerializer, Immutable, Alias("cafe.FormatPublished")]
public sealed record FormatPublished([property: Id(0)] string FormatId, [property: Id(1)] int Version);

/// <summary>A format in the catalogue's list: its latest version's headline.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatEntry")]
public sealed record FormatEntry(
    [property: Id(0)] string FormatId,
    [property: Id(1)] int Version,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? Audience,
    [property: Id(5)] SessionLanguage Language,
    [property: Id(6)] int DurationMinutes,
    [property: Id(7)] string Licence,
    [property: Id(8)] int Activities,
    [property: Id(9)] DateTimeOffset PublishedAt,
    [property: Id(10)] int Cafes = 0);

[GenerateSerializer, Immutable, Alias("cafe.FormatVersionInfo")]
public sealed record FormatVersionInfo([property: Id(0)] int Version, [property: Id(1)] DateTimeOffset PublishedAt, [property: Id(2)] string Title);

/// <summary>One version of a format, as published.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatVersion")]
public sealed record FormatVersion(
    [property: Id(0)] string FormatId,
    [property: Id(1)] int Version,
    [property: Id(2)] DateTimeOffset PublishedAt,
    [property: Id(3)] SessionFormat Format);

/// <summary>A session created from a format (which version, when).</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatCafe")]
public sealed record FormatCafe([property: Id(0)] Guid SessionId, [property: Id(1)] int Version, [property: Id(2)] DateTimeOffset CreatedAt);

/// <summary>A format: its latest version, every version's headline, and the sessions created from it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.FormatRecord")]
public sealed record FormatRecord(
    [property: Id(0)] FormatVersion Latest,
    [property: Id(1)] FormatVersionInfo[] Versions,
    [property: Id(2)] FormatCafe[] Cafes);

/// <summary>A format pushed to a programme's cafés: how many it has, how many (those still in draft) took it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeFormatPushed")]
public sealed record ProgrammeFormatPushed([property: Id(0)] int Sessions, [property: Id(1)] int Applied);
