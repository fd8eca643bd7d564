using CafeIA.Wire;
using Orleans.Concurrency;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// The map of one opinion (key: "{session id}/{opinion id}", <see cref="OpinionMapKey"/>), apart from
/// the session's command path: it keeps its own copy of the votes, fed by the session after each
/// commit, recomputes the groups at most once a second while votes change, and hands each result
/// back to the session. A vote never waits for it.
/// </summary>
[Alias("cafe.IOpinionMapGrain")]
public interface IOpinionMapGrain : IGrainWithStringKey
{
    /// <summary>The votes one commit changed (or a request to rebuild from the session).</summary>
    [Alias("Feed")]
    Task Feed(OpinionFeed feed);

    /// <summary>From the programme opinion: the national plane; the café projects its participants on it and reports its clusters.</summary>
    [OneWay, Alias("NationalComponents")]
    Task NationalComponents(NationalComponentsReport components);

    /// <summary>From the programme opinion: the national map, and this café's clusters' national groups; handed to the session.</summary>
    [OneWay, Alias("NationalMap")]
    Task NationalMap(NationalMapReport map);
}

public static class OpinionMapKey
{
    public static string Of(Guid sessionId, string opinionId) => $"{sessionId:N}/{opinionId}";

    public static (Guid SessionId, string OpinionId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..slash], "N"), key[(slash + 1)..]);
    }
}
