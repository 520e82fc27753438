using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Bot state in PostgreSQL, for several instances of the bot sharing one database. The table is created if missing.
/// Keys are kept exactly, as UTF-8 bytes (any length, any character, NUL included); the primary key is their SHA-256,
/// because a b-tree entry cannot hold a key of any length.
/// The document is JSON kept as text: Newtonsoft needs <c>$type</c> first, and JSONB would reorder the properties.
/// </summary>
public sealed partial class PostgresStorage : RelationalStorage, IAsyncDisposable, IDisposable
{
    public const string DefaultTableName = "bot_state";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly string _idleIndex;
    private readonly long _schemaLockId;

    public PostgresStorage(string connectionString, TimeProvider? timeProvider = null, string tableName = DefaultTableName)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException("A table name is 1 to 50 lower-case letters, digits or underscores, starting with a letter or underscore.", nameof(tableName));
        }

        TableName = tableName;
        _table = $"\"{tableName}\"";
        _idleIndex = $"\"{tableName}_idle\"";
        _schemaLockId = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("FootDrop.Bot.Storage/" + tableName)));
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string TableName { get; }

    /// <summary>Drops the table. For tests that create a table of their own.</summary>
    public async Task DropTableAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"DROP TABLE IF EXISTS {_table};");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    protected override async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Two instances starting together would both try to create the table; the second would fail on the catalog.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@id);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("id", _schemaLockId);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(
            $"""
            CREATE TABLE IF NOT EXISTS {_table} (
                key_hash bytea PRIMARY KEY,
                key bytea NOT NULL,
                document text NOT NULL,
                etag text NOT NULL,
                updated_at timestamptz NOT NULL,
                conversation_scoped boolean NOT NULL
            );
            CREATE INDEX IF NOT EXISTS {_idleIndex} ON {_table} (updated_at) WHERE conversation_scoped;
            """,
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<IReadOnlyDictionary<string, StoredRow>> ReadRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT key, document, etag FROM {_table} WHERE key_hash = ANY(@hashes);");
        command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = keys.Select(HashKey).ToArray() });

        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, StoredRow>(keys.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(0));
            if (wanted.Contains(key))
            {
                rows[key] = new StoredRow(reader.GetString(1), reader.GetString(2));
            }
        }

        return rows;
    }

    protected override async Task<RowWrite?> TryWriteRowsAsync(IReadOnlyList<RowWrite> writes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            var sql = write.Condition switch
            {
                WriteCondition.Always => $"""
                    INSERT INTO {_table} (key_hash, key, document, etag, updated_at, conversation_scoped) VALUES (@hash, @key, @document, @etag, @now, @conversation)
                    ON CONFLICT (key_hash) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = excluded.updated_at;
                    """,
                WriteCondition.OnlyIfMissing => $"""
                    INSERT INTO {_table} (key_hash, key, document, etag, updated_at, conversation_scoped) VALUES (@hash, @key, @document, @etag, @now, @conversation)
                    ON CONFLICT (key_hash) DO NOTHING;
                    """,
                _ => $"UPDATE {_table} SET document = @document, etag = @etag, updated_at = @now WHERE key_hash = @hash AND key = @key AND etag = @expected;",
            };

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("hash", HashKey(write.Key));
            command.Parameters.AddWithValue("key", Encoding.UTF8.GetBytes(write.Key));
            command.Parameters.AddWithValue("document", write.Document);
            command.Parameters.AddWithValue("etag", write.NewETag);
            command.Parameters.AddWithValue("now", now.UtcDateTime);
            command.Parameters.AddWithValue("conversation", write.ConversationScoped);
            if (write.Condition == WriteCondition.OnlyIfETagMatches)
            {
                command.Parameters.AddWithValue("expected", write.ExpectedETag!);
            }

            // Under read committed, a concurrent writer of the same row makes this statement wait, then re-check its
            // condition against the committed row: the loser sees 0 rows rather than overwriting.
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return write;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    protected override async Task DeleteRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE key_hash = ANY(@hashes) AND key = ANY(@keys);");
        command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = keys.Select(HashKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = keys.Select(Encoding.UTF8.GetBytes).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<int> DeleteConversationRowsWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE conversation_scoped AND updated_at < @cutoff;");
        command.Parameters.AddWithValue("cutoff", cutoff.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task TouchRowAsync(string key, DateTimeOffset now, DateTimeOffset notSince, CancellationToken cancellationToken)
    {
        // An UPDATE that matches nothing takes no row lock, so a page load of someone seen within the hour writes nothing.
        await using var command = _dataSource.CreateCommand($"UPDATE {_table} SET updated_at = @now WHERE key_hash = @hash AND key = @key AND updated_at < @notSince;");
        command.Parameters.AddWithValue("hash", HashKey(key));
        command.Parameters.AddWithValue("key", Encoding.UTF8.GetBytes(key));
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("notSince", notSince.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<IReadOnlyList<string>> DeleteUserRowsWrittenBeforeAsync(string keyPrefix, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var prefix = Encoding.UTF8.GetBytes(keyPrefix);
        await using var command = _dataSource.CreateCommand(
            $"DELETE FROM {_table} WHERE NOT conversation_scoped AND substring(key from 1 for @length) = @prefix AND updated_at < @cutoff RETURNING key;");
        command.Parameters.AddWithValue("length", prefix.Length);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("cutoff", cutoff.UtcDateTime);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(0)));
        }

        return keys;
    }

    /// <summary>The connections of this database, for the other tables kept beside the bot state (the built-in Direct Line's).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    private static byte[] HashKey(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,49}$")]
    private static partial Regex TableNamePattern();
}
