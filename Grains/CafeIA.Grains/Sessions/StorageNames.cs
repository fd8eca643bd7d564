namespace CafeIA.Grains.Sessions;

public static class StorageNames
{
    /// <summary>The one grain storage of the service (SQLite embedded, PostgreSQL in a cluster).</summary>
    public const string Cafe = "cafe";
}
