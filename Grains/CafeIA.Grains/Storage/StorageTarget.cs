using CafeIA.Grains.Hosting;
using Microsoft.Data.Sqlite;

namespace CafeIA.Storage;

/// <summary>The resolved database of this process: driver invariant, connection string, schema script.</summary>
public sealed record StorageTarget(string Invariant, string ConnectionString, string SchemaScript)
{
    public const string SqliteInvariant = "System.Data.SQLite";
    public const string PostgreSqlInvariant = "Npgsql";

    public bool IsSqlite => Invariant == SqliteInvariant;

    /// <summary>The same database for the cluster's membership table: PostgreSQL only.</summary>
    public StorageTarget ForClustering() => IsSqlite
        ? throw new InvalidOperationException("Cluster:Clustering=AdoNet needs Storage:Provider=PostgreSql (Orleans has no SQLite clustering).")
        : this;

    public static StorageTarget From(CafeStorageOptions options)
    {
        CafeSiloConfiguration.RegisterDbProviders();
        if (options.Provider.Equals(StorageProviders.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = options.ConnectionString
                ?? throw new InvalidOperationException("Storage:ConnectionString is required with the PostgreSql provider.");
            return new StorageTarget(PostgreSqlInvariant, WithAutoPrepare(connectionString), "postgresql");
        }
        if (!options.Provider.Equals(StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Storage:Provider '{options.Provider}' (Sqlite or PostgreSql).");
        }
        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "cafe.db"),
            // Seconds a command waits on a locked database (a second writer) before failing.
            DefaultTimeout = 30,
        };
        return new StorageTarget(SqliteInvariant, sqlite.ToString(), "sqlite");
    }

    /// <summary>
    /// PostgreSQL parses and plans an unprepared statement every time: a commit's few statements
    /// (docs/ARCHITECTURE.md, "Session store") are prepared on each pooled connection once used a
    /// few times (Npgsql's automatic preparation), unless the connection string says otherwise.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    /// <summary>Statements Npgsql keeps prepared per connection: the store's commits and reads, and Orleans' own queries.</summary>
    public const int AutoPreparedStatements = 32;
}
