using Microsoft.Data.Sqlite;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Bot state in an embedded SQLite file: the default, for one instance of the bot. The file and its folder are created
/// on first use; the database runs in WAL mode so reads never wait for a write.
/// </summary>
public sealed class SqliteStorage : RelationalStorage, IDisposable
{
    /// <summary>The database file created inside the data folder.</summary>
    public const string DatabaseFileName = "footdrop-state.db";

    private const string TableName = "bot_state";

    private readonly string _connectionString;

    /// <summary>
    /// One writer at a time within this process. SQLite allows one writer per file anyway; queueing here costs nothing,
    /// whereas a writer that finds the file busy is retried by Microsoft.Data.Sqlite only after sleeping (about 150 ms),
    /// which made the slowest turns wait for no reason. Other processes sharing the file still get the busy retry.
    /// </summary>
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Whether the file is in WAL mode (some file systems refuse it); only then may turn state skip the sync.</summary>
    private volatile bool _wal;

    public SqliteStorage(string databasePath, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a statement waits for another connection's write to finish before failing.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>A store whose file is <see cref="DatabaseFileName"/> inside <paramref name="dataDirectory"/> (relative paths start at the current directory).</summary>
    public static SqliteStorage InDirectory(string dataDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return new SqliteStorage(Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName), timeProvider);
    }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        _writeGate.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // WAL is a property of the file: set once, it stays for every later connection.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            _wal = string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase);
        }

        await using var create = connection.CreateCommand();
        create.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {TableName} (
                key TEXT NOT NULL PRIMARY KEY,
                document TEXT NOT NULL,
                etag TEXT NOT NULL,
                updated_at INTEGER NOT NULL, -- Unix time in milliseconds
                conversation_scoped INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS {TableName}_idle ON {TableName} (updated_at) WHERE conversation_scoped = 1;
            """;
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<IReadOnlyDictionary<string, StoredRow>> ReadRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            names[i] = "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], keys[i]);
        }

        command.CommandText = $"SELECT key, document, etag FROM {TableName} WHERE key IN ({string.Join(", ", names)});";
        var rows = new Dictionary<string, StoredRow>(keys.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows[reader.GetString(0)] = new StoredRow(reader.GetString(1), reader.GetString(2));
        }

        return rows;
    }

    protected override async Task<RowWrite?> TryWriteRowsAsync(IReadOnlyList<RowWrite> writes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await GatedAsync(() => WriteRowsAsync(writes, now, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> GatedAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<RowWrite?> WriteRowsAsync(IReadOnlyList<RowWrite> writes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Turn state is saved every turn. With WAL, NORMAL syncs at checkpoints instead of at every commit: a crash of the
        // bot loses nothing, a power cut or OS crash may roll back the last turns' state, and the file is never corrupted
        // (SQLite's own advice for WAL). A sync per turn made the disk, not the bot, the limit on turns per second.
        // Without WAL, NORMAL could corrupt the file on a power cut, so every commit is synced there.
        await SetSynchronousAsync(connection, _wal ? "NORMAL" : "FULL", cancellationToken).ConfigureAwait(false);

        // Not deferred: BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of failing on upgrade.
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var write in writes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = write.Condition switch
            {
                WriteCondition.Always => $"""
                    INSERT INTO {TableName} (key, document, etag, updated_at, conversation_scoped) VALUES ($key, $document, $etag, $now, $conversation)
                    ON CONFLICT (key) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = excluded.updated_at;
                    """,
                WriteCondition.OnlyIfMissing => $"""
                    INSERT INTO {TableName} (key, document, etag, updated_at, conversation_scoped) VALUES ($key, $document, $etag, $now, $conversation)
                    ON CONFLICT (key) DO NOTHING;
                    """,
                _ => $"UPDATE {TableName} SET document = $document, etag = $etag, updated_at = $now WHERE key = $key AND etag = $expected;",
            };
            command.Parameters.AddWithValue("$key", write.Key);
            command.Parameters.AddWithValue("$document", write.Document);
            command.Parameters.AddWithValue("$etag", write.NewETag);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$conversation", write.ConversationScoped ? 1 : 0);
            command.Parameters.AddWithValue("$expected", (object?)write.ExpectedETag ?? DBNull.Value);

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return write;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    protected override Task DeleteRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        => GatedAsync(async () =>
        {
            await DeleteKeysAsync(keys, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task DeleteKeysAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // A user's "delete my data" must stay deleted even after a power cut: synced at commit.
        await SetSynchronousAsync(connection, "FULL", cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {TableName} WHERE key = $key;";
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task<int> DeleteConversationRowsWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        => GatedAsync(() => DeleteIdleAsync(cutoff, cancellationToken), cancellationToken);

    private async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Expired conversations are deleted for privacy: synced at commit, like the user's own erasure.
        await SetSynchronousAsync(connection, "FULL", cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {TableName} WHERE conversation_scoped = 1 AND updated_at < $cutoff;";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task TouchRowAsync(string key, DateTimeOffset now, DateTimeOffset notSince, CancellationToken cancellationToken)
    {
        // Read first: a page load of someone seen within the hour must not queue for the write lock.
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT updated_at FROM {TableName} WHERE key = $key;";
            read.Parameters.AddWithValue("$key", key);
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long updated || updated >= notSince.ToUnixTimeMilliseconds())
            {
                return;
            }
        }

        await GatedAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var touch = connection.CreateCommand();
            touch.CommandText = $"UPDATE {TableName} SET updated_at = $now WHERE key = $key AND updated_at < $notSince;";
            touch.Parameters.AddWithValue("$key", key);
            touch.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            touch.Parameters.AddWithValue("$notSince", notSince.ToUnixTimeMilliseconds());
            return await touch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<IReadOnlyList<string>> DeleteUserRowsWrittenBeforeAsync(string keyPrefix, DateTimeOffset cutoff, CancellationToken cancellationToken)
        => GatedAsync<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

            // Expired users are deleted for privacy: synced at commit, like the user's own erasure.
            await SetSynchronousAsync(connection, "FULL", cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();

            // A range on the primary key rather than LIKE, which is case-insensitive and would treat '_' in a channel id as a wildcard.
            command.CommandText = $"DELETE FROM {TableName} WHERE key >= $from AND key < $to AND conversation_scoped = 0 AND updated_at < $cutoff RETURNING key;";
            command.Parameters.AddWithValue("$from", keyPrefix);
            command.Parameters.AddWithValue("$to", keyPrefix[..^1] + (char)(keyPrefix[^1] + 1));
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            var keys = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(reader.GetString(0));
            }

            return keys;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on a connection of this database as its only writer in this process, as every state
    /// write is: other tables of the same file (the built-in Direct Line's) share the queue instead of meeting SQLite's
    /// busy wait. <paramref name="durable"/> syncs at commit, for deletions that must survive a power cut.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, bool durable, CancellationToken cancellationToken)
        => GatedAsync(async () =>
        {
            await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await SetSynchronousAsync(connection, durable || !_wal ? "FULL" : "NORMAL", cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>A connection of this database for reading; under WAL readers never wait for the writer.</summary>
    internal async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Per connection, and pooled connections keep it: every write path sets the level it needs.</summary>
    private static async Task SetSynchronousAsync(SqliteConnection connection, string level, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {level};";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
