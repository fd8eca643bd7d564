using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>One published format, keyed by its format id: its versions (none ever replaced) and the cafés created from it.</summary>
[Alias("cafe.IFormatGrain")]
public interface IFormatGrain : IGrainWithStringKey
{
    /// <summary>A new version, published from a session; a format another session published first is forbidden to it.</summary>
    [Alias("Publish")]
    Task<Outcome<FormatPublished>> Publish(SessionFormat format, Guid sourceSessionId);

    [Alias("Get")]
    Task<FormatRecord?> Get();

    [Alias("GetVersion")]
    Task<FormatVersion?> GetVersion(int version);

    [Alias("RecordCafe")]
    Task RecordCafe(Guid sessionId, int version);
}

/// <summary>The catalogue's index (one grain, key 0): every format's latest headline, for the list and its search.</summary>
[Alias("cafe.IFormatCatalogueGrain")]
public interface IFormatCatalogueGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task Upsert(FormatEntry entry);

    [Alias("Search")]
    Task<FormatEntry[]> Search(string? query, SessionLanguage? language, string? audience);
}
