using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using FootDrop.Bot.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The built-in Direct Line in the bot's PostgreSQL database, beside the bot state, for several instances behind a load
/// balancer: any instance serves any call. Each append notifies <see cref="NotificationChannel"/> with the
/// conversation id when it commits, so the instance holding that conversation's WebSocket sends it at once
/// (<see cref="PostgresDirectLineListener"/>).
/// </summary>
public sealed class PostgresDirectLineStore(PostgresStorage storage, IOptions<WebChatOptions> options, TimeProvider time)
    : RelationalDirectLineStore(options, time)
{
    /// <summary>The LISTEN/NOTIFY channel; its payload is the conversation id.</summary>
    public const string NotificationChannel = "footdrop_directline";

    private static readonly long s_schemaLockId = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("FootDrop.Bot.DirectLine/schema")));
    private static readonly long s_startLockId = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("FootDrop.Bot.DirectLine/starts")));

    internal NpgsqlDataSource DataSource => storage.DataSource;

    protected override async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Two instances starting together would both try to create the tables; the second would fail on the catalog.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@id);", cancellationToken, ("@id", s_schemaLockId)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS {ConversationsTable} (
                conversation_id text PRIMARY KEY,
                user_id text NOT NULL,
                next_sequence bigint NOT NULL,
                activity_count bigint NOT NULL,
                history_bytes bigint NOT NULL,
                last_active bigint NOT NULL, -- Unix time in milliseconds, from the bot's clock
                erased bigint NOT NULL
            );
            CREATE INDEX IF NOT EXISTS {ConversationsTable}_last_active ON {ConversationsTable} (last_active);
            CREATE TABLE IF NOT EXISTS {ActivitiesTable} (
                conversation_id text NOT NULL,
                sequence bigint NOT NULL,
                bytes bigint NOT NULL,
                json bytea NOT NULL,
                PRIMARY KEY (conversation_id, sequence)
            );
            CREATE TABLE IF NOT EXISTS {KeysTable} (
                name text PRIMARY KEY,
                value bytea NOT NULL
            );
            """, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, bool durable, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    protected override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    protected override Task LockStartsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        => ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@id);", cancellationToken, ("@id", s_startLockId));

    // Sent when the transaction commits, never before: a woken reader always finds the activities.
    protected override Task AfterAppendAsync(DbConnection connection, DbTransaction transaction, string conversationId, CancellationToken cancellationToken)
        => ExecuteAsync(connection, transaction, $"SELECT pg_notify('{NotificationChannel}', @c);", cancellationToken, ("@c", conversationId));
}
