using System.Data.Common;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CafeIA.Storage;

/// <summary>
/// Creates or updates the database schema (tables and the queries Orleans' ADO.NET providers read
/// from OrleansQuery) before any silo service touches the database. Every script is idempotent.
/// </summary>
public sealed partial class SchemaInitializer(StorageTarget target, ILogger<SchemaInitializer> log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.First, ApplyAsync);

    public Task ApplyAsync(CancellationToken cancellationToken) => Apply(target, cancellationToken, log);

    public static async Task Apply(StorageTarget target, CancellationToken cancellationToken, ILogger? log = null)
    {
        var factory = DbProviderFactories.GetFactory(target.Invariant);
        await using var connection = factory.CreateConnection()!;
        connection.ConnectionString = target.ConnectionString;
        await connection.OpenAsync(cancellationToken);
        if (target.IsSqlite)
        {
            // WAL lets readers proceed during a write and makes each commit one sequential append.
            await Execute(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await Execute(connection, ReadScript(target.SchemaScript), cancellationToken);
        if (log is not null)
        {
            LogApplied(log, target.SchemaScript);
        }
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(SchemaInitializer).Assembly.GetManifestResourceStream($"CafeIA.Schema.{name}.sql")
            ?? throw new InvalidOperationException($"Schema script {name}.sql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema {Script} applied")]
    private static partial void LogApplied(ILogger logger, string script);
}
