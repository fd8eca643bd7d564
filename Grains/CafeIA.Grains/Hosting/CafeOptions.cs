namespace CafeIA.Hosting;

/// <summary>Where grain state lives (configuration section "Storage").</summary>
public sealed class CafeStorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (embedded default, a file under <see cref="DataDirectory"/>) or "PostgreSql".</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>SQLite only: the folder of cafe.db, relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL only (and then also used for clustering).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Create or update the schema at startup; idempotent.</summary>
    public bool ApplySchema { get; set; } = true;
}

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
}

/// <summary>How silos find each other and clients find silos (configuration section "Cluster"; Orleans itself owns the section "Orleans").</summary>
public sealed class CafeClusterOptions
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "cafe-ia";
    public string ServiceId { get; set; } = "cafe-ia";

    /// <summary>"Localhost" (one silo on this machine) or "AdoNet" (PostgreSQL membership table).</summary>
    public string Clustering { get; set; } = ClusteringModes.Localhost;
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
}

public static class ClusteringModes
{
    public const string Localhost = "Localhost";
    public const string AdoNet = "AdoNet";
}
