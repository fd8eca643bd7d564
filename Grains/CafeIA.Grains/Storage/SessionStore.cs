using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace CafeIA.Storage;

/// <summary>
/// Where sessions live: one document row per session plus one row per participant and per ballot
/// (tables CafeSession and CafeSessionRow, Schema/*.sql). A commit writes the document and only
/// the rows that changed, in one transaction, and only if the stored version is the one this
/// writer loaded. The I/O runs off the caller's thread: SQLite's driver is synchronous, and a
/// session grain keeps taking commands while its write runs.
/// </summary>
public sealed partial class SessionStore(StorageTarget target, StorageHealth? health = null, ILogger<SessionStore>? log = null)
{
    private readonly DbProviderFactory _factory = DbProviderFactories.GetFactory(target.Invariant);

    /// <summary>
    /// SQLite takes one writer at a time. Without this gate, the commits of many sessions would each
    /// hold a pooled connection (and its page cache, up to 2 MB) while waiting in SQLite's busy
    /// handler, which sleeps up to 100 ms between tries; with it they queue here, one connection
    /// writes, and readers (WAL) go on. PostgreSQL takes concurrent writers: no gate.
    /// </summary>
    private readonly SemaphoreSlim? _sqliteWriter = target.IsSqlite ? new(1, 1) : null;

    public Task<StoredSession?> Load(Guid sessionId) => Task.Run(() => Watched(write: false, async () =>
    {
        await using var connection = await Open();
        await using var read = Command(connection, null, "SELECT Version, Document FROM CafeSession WHERE SessionId = @id", ("id", Key(sessionId)));
        long version;
        string document;
        await using (var reader = await read.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }
            (version, document) = (reader.GetInt64(0), reader.GetString(1));
        }
        var rows = new List<SessionRow>();
        await using var readRows = Command(connection, null, "SELECT Kind, RowKey, Document FROM CafeSessionRow WHERE SessionId = @id", ("id", Key(sessionId)));
        await using (var reader = await readRows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new SessionRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        return new StoredSession(version, document, rows);
    }));

    /// <summary>
    /// Writes one commit; returns the new version. Throws <see cref="SessionConflictException"/> if another writer got there first.
    /// Its statements go as one batch where the driver takes batches (PostgreSQL: the document, the
    /// removals and the rows in one round trip, then the commit), one by one otherwise (SQLite runs
    /// in this process: a statement costs no round trip).
    /// </summary>
    public Task<long> Commit(Guid sessionId, long version, SessionWrite write) => Writing(async () =>
    {
        await using var connection = await Open();
        await using var transaction = await connection.BeginTransactionAsync();
        var statements = Statements(Key(sessionId), version, write);
        var saved = connection.CanCreateBatch
            ? await ExecuteBatch(connection, transaction, statements)
            : await ExecuteEach(connection, transaction, statements);
        if (saved != 1)
        {
            throw new SessionConflictException(sessionId);
        }
        await transaction.CommitAsync();
        return version + 1;
    });

    /// <summary>One commit's statements in order; the first writes the document only if the stored version is <paramref name="version"/>.</summary>
    private static List<Statement> Statements(string id, long version, SessionWrite write)
    {
        var statements = new List<Statement>(2 + write.RemovedPolls.Count + (write.RemovedBallotKeys?.Count ?? 0) + write.Rows.Count)
        {
            version == 0
                ? new("INSERT INTO CafeSession (SessionId, Version, Document) VALUES (@id, 1, @doc) ON CONFLICT (SessionId) DO NOTHING",
                    [("id", id), ("doc", write.Document)])
                : new("UPDATE CafeSession SET Version = Version + 1, Document = @doc WHERE SessionId = @id AND Version = @version",
                    [("id", id), ("doc", write.Document), ("version", version)]),
        };
        statements.AddRange(write.RemovedPolls.Select(pollId => new Statement(
            "DELETE FROM CafeSessionRow WHERE SessionId = @id AND Kind = @kind AND RowKey LIKE @prefix",
            [("id", id), ("kind", SessionRow.Ballot), ("prefix", SessionRow.BallotKey(pollId, "%"))])));
        statements.AddRange((write.RemovedBallotKeys ?? []).Select(key => new Statement(
            "DELETE FROM CafeSessionRow WHERE SessionId = @id AND Kind = @kind AND RowKey = @key",
            [("id", id), ("kind", SessionRow.Ballot), ("key", key)])));
        statements.AddRange(write.Rows.Select(row => new Statement(
            "INSERT INTO CafeSessionRow (SessionId, Kind, RowKey, Document) VALUES (@id, @kind, @key, @doc) " +
            "ON CONFLICT (SessionId, Kind, RowKey) DO UPDATE SET Document = excluded.Document",
            [("id", id), ("kind", row.Kind), ("key", row.Key), ("doc", row.Document)])));
        return statements;
    }

    /// <summary>The statements in one round trip; returns the rows the first one changed.</summary>
    private static async Task<int> ExecuteBatch(DbConnection connection, DbTransaction transaction, List<Statement> statements)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters)
            {
                command.Parameters.Add(Parameter(command.CreateParameter(), name, value));
            }
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        return batch.BatchCommands[0].RecordsAffected;
    }

    /// <summary>
    /// The statements one at a time, stopping if the first changed no row; a run of the same
    /// statement (the rows' upsert) reuses one command. Returns the rows the first one changed.
    /// </summary>
    private static async Task<int> ExecuteEach(DbConnection connection, DbTransaction transaction, List<Statement> statements)
    {
        await using var first = Command(connection, transaction, statements[0].Sql, statements[0].Parameters);
        var saved = await first.ExecuteNonQueryAsync();
        if (saved != 1)
        {
            return saved;
        }
        foreach (var run in statements.Skip(1).GroupBy(statement => statement.Sql))
        {
            // Statements come in runs (the removed polls, the removed ballots, the rows): a group is one run.
            await using var command = Command(connection, transaction, run.Key, run.First().Parameters);
            foreach (var statement in run)
            {
                foreach (var (name, value) in statement.Parameters)
                {
                    command.Parameters[name].Value = value;
                }
                await command.ExecuteNonQueryAsync();
            }
        }
        return saved;
    }

    /// <summary>One SQL statement of a commit and its parameters.</summary>
    private sealed record Statement(string Sql, (string Name, object Value)[] Parameters);

    /// <summary>Removes the session and every row of it, for good.</summary>
    public Task Delete(Guid sessionId) => Writing(async () =>
    {
        await using var connection = await Open();
        await using var transaction = await connection.BeginTransactionAsync();
        await Command(connection, transaction, "DELETE FROM CafeSessionRow WHERE SessionId = @id", ("id", Key(sessionId))).ExecuteNonQueryAsync();
        await Command(connection, transaction, "DELETE FROM CafeSession WHERE SessionId = @id", ("id", Key(sessionId))).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return 0L;
    });

    /// <summary>
    /// A small real write (one row of CafeStoreProbe, upserted with the time): run while the store
    /// fails, through the same path as a commit, so its success ends the streak even when no
    /// session writes here any more. SQLite appends it to its WAL, so a still full disk fails it.
    /// </summary>
    public Task Probe(DateTimeOffset now) => Writing(async () =>
    {
        await using var connection = await Open();
        await Command(connection, null,
            "INSERT INTO CafeStoreProbe (Id, CheckedAt) VALUES (1, @at) ON CONFLICT (Id) DO UPDATE SET CheckedAt = excluded.CheckedAt",
            ("at", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture))).ExecuteNonQueryAsync();
        return 0L;
    });

    private Task<T> Writing<T>(Func<Task<T>> write) => Task.Run(() => Watched(write: true, async () =>
    {
        if (_sqliteWriter is null)
        {
            return await write();
        }
        await _sqliteWriter.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }));

    /// <summary>
    /// Tells <see cref="StorageHealth"/> how the store answers: a failure (disk full, read-only
    /// file, database unreachable, lock timeout) starts or continues a streak, logged once; a
    /// successful write ends it (a read proves nothing: a full disk still reads; <see cref="StoreProbe"/>
    /// writes while no session does). A version
    /// conflict is another writer, not a fault of the store.
    /// </summary>
    private async Task<T> Watched<T>(bool write, Func<Task<T>> operation)
    {
        try
        {
            var result = await operation();
            if (write && health?.Succeeded() is { } since && log is not null)
            {
                LogRecovered(log, since);
            }
            return result;
        }
        catch (Exception ex) when (ex is not SessionConflictException)
        {
            if (health?.Failed(ex) == true && log is not null)
            {
                LogFailing(log, ex);
            }
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The session store fails; calls that need it are refused as unavailable until it answers again")]
    private static partial void LogFailing(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "The session store answers again (failing since {Since:O})")]
    private static partial void LogRecovered(ILogger logger, DateTimeOffset since);

    private static string Key(Guid sessionId) => sessionId.ToString("N");

    private async Task<DbConnection> Open()
    {
        var connection = _factory.CreateConnection()!;
        connection.ConnectionString = target.ConnectionString;
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(command.CreateParameter(), name, value));
        }
        return command;
    }

    private static DbParameter Parameter(DbParameter parameter, string name, object value)
    {
        parameter.ParameterName = name;
        parameter.Value = value;
        parameter.DbType = value is long ? DbType.Int64 : DbType.String;
        return parameter;
    }
}

/// <summary>A stored session as read: its version, its document and its rows.</summary>
public sealed record StoredSession(long Version, string Document, IReadOnlyList<SessionRow> Rows);

/// <summary>A participant ('p'), a ballot ('b') or a voter's votes on an opinion ('o') of a session, as JSON.</summary>
public sealed record SessionRow(string Kind, string Key, string Document)
{
    public const string Participant = "p";
    public const string Ballot = "b";

    /// <summary>One participant's votes on one opinion map (Domain/Opinions).</summary>
    public const string OpinionVoter = "o";

    public static string BallotKey(string pollId, string voterId) => $"{pollId}/{voterId}";

    public static string OpinionVoterKey(string opinionId, string voterId) => $"{opinionId}/{voterId}";
}

/// <summary>What one commit writes: the whole session document, the changed rows, the polls whose ballots go, single ballots that go (by row key).</summary>
public sealed record SessionWrite(string Document, IReadOnlyList<SessionRow> Rows, IReadOnlyList<string> RemovedPolls,
    IReadOnlyList<string>? RemovedBallotKeys = null);

public sealed class SessionConflictException(Guid sessionId)
    : Exception($"Session {sessionId} was written by another writer since it was loaded.");
