namespace CafeIA.Grains.Programmes;

/// <summary>How a programme's cafés are spread over its shards: by session id, fixed for the programme's life.</summary>
public static class ProgrammeShards
{
    /// <summary>16 shards: 1,000 cafés give each about 60, and the programme sums 16 partial tallies.</summary>
    public const int Count = 16;

    public static int Of(Guid sessionId) => (int)((uint)sessionId.GetHashCode() % Count);

    public static string Key(Guid programmeId, Guid sessionId) => Key(programmeId, Of(sessionId));

    public static string Key(Guid programmeId, int shard) => $"{programmeId:N}/{shard}";

    public static (Guid ProgrammeId, int Shard) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.Parse(key[..slash]), int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
