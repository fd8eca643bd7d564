-- =====================================================================================
-- CafeIA: Orleans 10.4.2 ADO.NET grain persistence schema for SQLite.
--
-- Driver: Microsoft.Data.Sqlite, registered under the invariant "System.Data.SQLite".
-- Applied on every silo start as ONE command (Microsoft.Data.Sqlite runs the statements
-- one after another), so every statement here is idempotent:
--   * CREATE TABLE / CREATE INDEX ... IF NOT EXISTS never touch existing tables or rows;
--   * INSERT OR REPLACE INTO OrleansQuery rewrites the query texts, so a re-run also
--     publishes changed queries. Providers read the queries once, when they initialize.
-- Only grain persistence lives here (SQLite has no ADO.NET clustering script upstream).
--
-- Derived from upstream dotnet/orleans src/AdoNet/Shared/Sqlite-Main.sql and
-- src/AdoNet/Orleans.Persistence.AdoNet/Sqlite-Persistence.sql as of 10.4.x (the version
-- that the Migrations/Sqlite-Persistence-10.4.0.sql migration installs). The query
-- texts are kept logically identical to upstream. The parameter names and result
-- columns were checked against the shipped 10.4.2 Orleans.Persistence.AdoNet.dll.
--
-- Contract with the 10.4.2 provider (AdoNetGrainStorage):
--   * Init reads WriteToStorageKey, ReadFromStorageKey and ClearStorageKey (all required),
--     plus DeleteStorageKey (optional). DeleteStorageKey is NOT defined here, so
--     AdoNetGrainStorageOptions.DeleteStateOnClear must stay false (the default).
--     Otherwise Init throws "DeleteStateOnClear=true is not supported".
--   * Parameters: @GrainIdHash (int), @GrainIdN0 (long), @GrainIdN1 (long),
--     @GrainTypeHash (int), @GrainTypeString, @GrainIdExtensionString (NULL for keys
--     without an extension), @ServiceId. Write and clear also use @GrainStateVersion
--     (int, NULL when the grain has no ETag yet). Write also uses @PayloadBinary (blob).
--   * Read returns the columns PayloadBinary and Version (the Version becomes the ETag).
--   * Write returns at most one row with the column NewGrainStateVersion. Clear returns
--     at most one row, and the provider reads its first column. The provider compares
--     that value with the ETag it sent. If they are equal, or no row comes back while
--     the ETag was NULL, it throws InconsistentStateException.
--
-- SQLite-specific subtleties:
--   1. Optimistic concurrency works through the Version column (the ETag).
--      With a non-NULL @GrainStateVersion, the row is updated only
--      WHERE Version = @GrainStateVersion, and Version becomes Version + 1.
--      With a NULL @GrainStateVersion (first write), a row is inserted with Version = 1,
--      but only if no row exists for the key.
--      On success the query returns the NEW version: @GrainStateVersion + 1, or 1 for the
--      first write. On a version mismatch it returns the unchanged @GrainStateVersion.
--      A first write onto an existing row returns no row. The provider reports both
--      failures as a conflict.
--   2. SQLite has no procedural code, and changes() only reports the latest statement.
--      The write query therefore inserts one request row into a TEMP table. An AFTER INSERT
--      TEMP trigger then runs the conditional UPDATE and the conditional INSERT. Both
--      happen inside that single, atomic INSERT statement. The trigger records changes()
--      for each step in the request row's "Applied" column, and the final SELECTs turn
--      Applied into NewGrainStateVersion. Inside a trigger, changes() counts the most
--      recent statement of the same trigger.
--   3. The query opens no transaction of its own: no BEGIN/COMMIT. The pre-10.4 upstream
--      text had them, and they break under an ambient transaction.
--   4. TEMP tables and triggers belong to the connection and survive pooled connection
--      reuse. "CREATE TEMP ... IF NOT EXISTS" therefore keeps an OLD trigger body on a
--      pooled connection. If the trigger body is ever changed, rename both objects
--      (the _10_4 suffix), as upstream does.
--   5. OrleansStorage has no unique key. This is the upstream design: a narrow hashed
--      index, with collisions resolved by the full key columns. Duplicates are prevented
--      by the NOT EXISTS guard inside the atomic trigger statement, together with SQLite's
--      single-writer lock.
--   6. NVARCHAR(n)/INT/BIGINT/DATETIME only set column affinity; SQLite does not enforce
--      lengths. ModifiedOn is informational: datetime('now') is UTC text.
--   7. WAL mode is switched on by SchemaInitializer as a separate command before this
--      script: SQLite refuses the switch inside a transaction. It persists per file.
-- =====================================================================================

-- Orleans reads all of its operational queries from this table.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Grain state. The hash columns are signed 32-bit hashes computed by the provider. The other
-- key columns (N0, N1, type string, extension string, service id) resolve hash collisions.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INT NOT NULL,
    GrainIdN0              BIGINT NOT NULL,
    GrainIdN1              BIGINT NOT NULL,
    GrainTypeHash          INT NOT NULL,
    GrainTypeString        NVARCHAR(512) NOT NULL,
    GrainIdExtensionString NVARCHAR(512) NULL,
    ServiceId              NVARCHAR(150) NOT NULL,
    PayloadBinary          BLOB NULL,
    ModifiedOn             DATETIME NOT NULL,
    Version                INT NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage ON OrleansStorage(GrainIdHash, GrainTypeHash);

-- Write: optimistic-concurrency update, or first insert. Returns NewGrainStateVersion.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
    -- TEMP objects survive pooled connection reuse. Bump the suffix on both object names whenever the trigger body changes.
    CREATE TEMP TABLE IF NOT EXISTS OrleansStorageWriteRequest_10_4
    (
        GrainIdHash INT NOT NULL,
        GrainIdN0 BIGINT NOT NULL,
        GrainIdN1 BIGINT NOT NULL,
        GrainTypeHash INT NOT NULL,
        GrainTypeString NVARCHAR(512) NOT NULL,
        GrainIdExtensionString NVARCHAR(512) NULL,
        ServiceId NVARCHAR(150) NOT NULL,
        PayloadBinary BLOB NULL,
        GrainStateVersion INT NULL,
        Applied INT NOT NULL DEFAULT 0
    );

    CREATE TEMP TRIGGER IF NOT EXISTS OrleansStorageWriteApply_10_4
    AFTER INSERT ON OrleansStorageWriteRequest_10_4
    BEGIN
        UPDATE OrleansStorage
        SET
            PayloadBinary = NEW.PayloadBinary,
            ModifiedOn = datetime(''now''),
            Version = Version + 1
        WHERE
            GrainIdHash = NEW.GrainIdHash AND GrainTypeHash = NEW.GrainTypeHash
            AND GrainIdN0 = NEW.GrainIdN0 AND GrainIdN1 = NEW.GrainIdN1
            AND GrainTypeString = NEW.GrainTypeString
            AND (GrainIdExtensionString = NEW.GrainIdExtensionString OR (GrainIdExtensionString IS NULL AND NEW.GrainIdExtensionString IS NULL))
            AND ServiceId = NEW.ServiceId
            AND Version = NEW.GrainStateVersion;

        UPDATE OrleansStorageWriteRequest_10_4 SET Applied = changes() WHERE rowid = NEW.rowid;

        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT NEW.GrainIdHash, NEW.GrainIdN0, NEW.GrainIdN1, NEW.GrainTypeHash, NEW.GrainTypeString, NEW.GrainIdExtensionString, NEW.ServiceId, NEW.PayloadBinary, datetime(''now''), 1
        WHERE NEW.GrainStateVersion IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM OrleansStorage
            WHERE GrainIdHash = NEW.GrainIdHash AND GrainTypeHash = NEW.GrainTypeHash
            AND GrainIdN0 = NEW.GrainIdN0 AND GrainIdN1 = NEW.GrainIdN1
            AND GrainTypeString = NEW.GrainTypeString
            AND (GrainIdExtensionString = NEW.GrainIdExtensionString OR (GrainIdExtensionString IS NULL AND NEW.GrainIdExtensionString IS NULL))
            AND ServiceId = NEW.ServiceId
        );

        UPDATE OrleansStorageWriteRequest_10_4 SET Applied = Applied + changes(), PayloadBinary = NULL WHERE rowid = NEW.rowid;
    END;

    DELETE FROM OrleansStorageWriteRequest_10_4;

    INSERT INTO OrleansStorageWriteRequest_10_4 (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, GrainStateVersion)
    VALUES (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, @GrainStateVersion);

    SELECT CASE WHEN @GrainStateVersion IS NULL THEN 1 ELSE @GrainStateVersion + 1 END AS NewGrainStateVersion
    FROM OrleansStorageWriteRequest_10_4
    WHERE Applied > 0;

    SELECT @GrainStateVersion AS NewGrainStateVersion
    FROM OrleansStorageWriteRequest_10_4
    WHERE Applied = 0
        AND @GrainStateVersion IS NOT NULL;
');

-- Read: payload and current version of one grain state (no row when never written).
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT
        PayloadBinary,
        Version AS Version
    FROM
        OrleansStorage
    WHERE
        GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND (GrainIdExtensionString = @GrainIdExtensionString OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
        AND ServiceId = @ServiceId
    LIMIT 1;
');

-- Clear: NULL payload, version + 1 (the row is kept). Returns the new version, or the
-- unchanged version on an ETag mismatch.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
('ClearStorageKey', '
    UPDATE OrleansStorage
    SET
        PayloadBinary = NULL,
        ModifiedOn = datetime(''now''),
        Version = Version + 1
    WHERE
        GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND (GrainIdExtensionString = @GrainIdExtensionString OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
        AND ServiceId = @ServiceId
        AND Version = @GrainStateVersion;

    SELECT @GrainStateVersion + 1 AS NewGrainStateVersion
    WHERE changes() > 0;

    SELECT @GrainStateVersion AS NewGrainStateVersion
    WHERE changes() = 0
        AND @GrainStateVersion IS NOT NULL;
');

-- Sessions, stored by CafeIA's SessionStore rather than by Orleans' grain storage: the session
-- document (questions, polls, settings) in one row, and each participant and each ballot in a
-- row of its own, so a group commit writes only what changed (a vote storm writes a handful of
-- ballot rows per commit, not the whole session). One transaction per commit; Version guards
-- against a second writer (an activation that should no longer exist).
CREATE TABLE IF NOT EXISTS CafeSession
(
    SessionId TEXT NOT NULL PRIMARY KEY,
    Version bigint NOT NULL,
    Document TEXT NOT NULL
);

-- Kind 'p': a participant, key = participant id. Kind 'b': a ballot, key = poll id '/' voter id.
-- Kind 'o': a voter's votes on an opinion map, key = opinion id '/' voter id.
CREATE TABLE IF NOT EXISTS CafeSessionRow
(
    SessionId TEXT NOT NULL,
    Kind TEXT NOT NULL,
    RowKey TEXT NOT NULL,
    Document TEXT NOT NULL,
    PRIMARY KEY (SessionId, Kind, RowKey)
);

-- One row, rewritten with the time by the store probe while the store fails (SessionStore.Probe):
-- a real write whose success says the store answers again.
CREATE TABLE IF NOT EXISTS CafeStoreProbe
(
    Id integer NOT NULL PRIMARY KEY,
    CheckedAt TEXT NOT NULL
);
