using CafeIA.Grains.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CafeIA.Storage;

/// <summary>
/// <c>backup --to FILE</c> (CafeIA.Silo or CafeIA.Gateway): an online, consistent copy of the
/// embedded SQLite store while sessions run. <c>VACUUM INTO</c> reads the whole database inside
/// one read transaction, so the copy is the store as of one instant (every commit before it,
/// none after); in WAL mode it blocks no writer. The copy is compact and checked before it counts.
/// PostgreSQL is backed up with its own tools (docs/OPERATIONS.md).
/// </summary>
public static class StoreBackup
{
    /// <summary>What a finished backup holds.</summary>
    public sealed record Result(string File, long Bytes, long Sessions, long Rows, TimeSpan Took);

    public static async Task<Result> Run(StorageTarget target, string destination, CancellationToken cancellationToken = default)
    {
        if (!target.IsSqlite)
        {
            throw new InvalidOperationException("backup copies the embedded SQLite store; back PostgreSQL up with pg_dump or its continuous archiving (docs/OPERATIONS.md).");
        }
        var source = new SqliteConnectionStringBuilder(target.ConnectionString);
        if (!File.Exists(source.DataSource))
        {
            throw new FileNotFoundException($"There is no store at {source.DataSource} (check Storage:DataDirectory).", source.DataSource);
        }
        var file = Path.GetFullPath(destination);
        if (File.Exists(file))
        {
            throw new IOException($"{file} exists: a backup never overwrites a file.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using (var connection = new SqliteConnection(source.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO @file";
            vacuum.Parameters.AddWithValue("@file", file);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        var (sessions, rows) = await Check(file, cancellationToken);
        return new Result(file, new FileInfo(file).Length, sessions, rows, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The copy opens, passes SQLite's integrity check, and holds the session tables.</summary>
    private static async Task<(long Sessions, long Rows)> Check(string file, CancellationToken cancellationToken)
    {
        var readOnly = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(readOnly.ToString());
        await connection.OpenAsync(cancellationToken);
        async Task<object?> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        if (await Scalar("PRAGMA integrity_check") is not "ok" and var problem)
        {
            throw new InvalidDataException($"The copy {file} fails SQLite's integrity check: {problem}");
        }
        return ((long)(await Scalar("SELECT COUNT(*) FROM CafeSession"))!, (long)(await Scalar("SELECT COUNT(*) FROM CafeSessionRow"))!);
    }

    /// <summary>The command line: <c>backup --to FILE [--Storage:DataDirectory=DIR]</c>, settings read as the services read them.</summary>
    public static async Task<int> Command(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        if (configuration["to"] is not { Length: > 0 } destination)
        {
            await Console.Error.WriteLineAsync("usage: backup --to FILE [--Storage:DataDirectory=DIR]");
            return 2;
        }
        try
        {
            var options = configuration.GetSection(CafeStorageOptions.Section).Get<CafeStorageOptions>() ?? new();
            var result = await Run(StorageTarget.From(options), destination);
            Console.WriteLine($"Backup written to {result.File}: {result.Bytes:N0} bytes, {result.Sessions} sessions, {result.Rows} participant and ballot rows, in {result.Took.TotalSeconds:F1} s.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or SqliteException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"backup failed: {ex.Message}");
            return 1;
        }
    }
}
