namespace CafeIA.Grains.Hosting;

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

/// <summary>How long sessions stay in memory (configuration section "Sessions").</summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// A session no screen or command has touched for this long leaves memory; its next command
    /// loads it again. A gateway renews its subscription (<c>Fanout:RenewalPeriod</c>, 10 s) while
    /// any of its screens shows the session, so only sessions nobody watches are idle.
    /// </summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(10);
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

    /// <summary>
    /// On Kubernetes (with AdoNet clustering): Microsoft.Orleans.Hosting.Kubernetes takes the silo's
    /// address and identity from POD_IP / POD_NAME / ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID and
    /// removes the membership rows of pods that no longer exist.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>The address other silos and clients reach this silo at (AdoNet clustering); default: this host's first address.</summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>How long a grain call waits for an answer (Orleans' default: 30 s).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Section "Cluster:Membership" binds Orleans' ClusterMembershipOptions (failure detection).</summary>
    public const string MembershipSection = "Cluster:Membership";
}

public static class ClusteringModes
{
    public const string Localhost = "Localhost";
    public const string AdoNet = "AdoNet";
}
