using System.Data.Common;
using FootDrop.Bot.Storage;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The built-in Direct Line in the bot's SQLite file, beside the bot state: one instance, and a restart loses nothing.
/// Writes queue behind the state's own writer (<see cref="SqliteStorage"/>), so the two never meet SQLite's busy wait.
/// </summary>
public sealed class SqliteDirectLineStore(SqliteStorage storage, IOptions<WebChatOptions> options, TimeProvider time)
    : RelationalDirectLineStore(options, time)
{
    protected override Task CreateSchemaAsync(CancellationToken cancellationToken)
        => storage.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE IF NOT EXISTS {ConversationsTable} (
                    conversation_id TEXT NOT NULL PRIMARY KEY,
                    user_id TEXT NOT NULL,
                    next_sequence INTEGER NOT NULL,
                    activity_count INTEGER NOT NULL,
                    history_bytes INTEGER NOT NULL,
                    last_active INTEGER NOT NULL, -- Unix time in milliseconds
                    erased INTEGER NOT NULL
                );
                CREATE INDEX IF NOT EXISTS {ConversationsTable}_last_active ON {ConversationsTable} (last_active);
                CREATE TABLE IF NOT EXISTS {ActivitiesTable} (
                    conversation_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    bytes INTEGER NOT NULL,
                    json BLOB NOT NULL,
                    PRIMARY KEY (conversation_id, sequence)
                );
                CREATE TABLE IF NOT EXISTS {KeysTable} (
                    name TEXT NOT NULL PRIMARY KEY,
                    value BLOB NOT NULL
                );
                """;
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, durable: true, cancellationToken);

    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, bool durable, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await storage.WriteAsync(async connection =>
        {
            // Not deferred: the write lock is taken up front, as the state's own writes take it.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, durable, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await storage.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }
}
