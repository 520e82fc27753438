using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The built-in Direct Line's conversations in two tables beside the bot state, in SQL that SQLite and PostgreSQL
/// both speak: a row per conversation (its user, the next sequence number, what its history holds, when it was last
/// active) and a row per kept activity (its JSON as the client is sent it). Appending bumps the conversation's sequence
/// first, in the transaction that inserts the activities: that row lock makes the appends of one conversation commit
/// in sequence order on every instance, so a reader never sees an activity before an earlier one and its watermark
/// never skips one. Times are Unix milliseconds from the injected clock, so tests can move them.
/// </summary>
public abstract class RelationalDirectLineStore : IDirectLineStore
{
    protected const string ConversationsTable = "directline_conversations";
    protected const string ActivitiesTable = "directline_activities";
    protected const string KeysTable = "footdrop_keys";
    private const string SigningKeyName = "webchat-token-signing-key";

    private readonly IOptions<WebChatOptions> _options;
    private readonly TimeProvider _time;
    private readonly Lock _createLock = new();
    private readonly SemaphoreSlim _evictGate = new(1, 1);
    private Task? _created;

    protected RelationalDirectLineStore(IOptions<WebChatOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_createLock)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateSchemaAsync(cancellationToken);
            }

            return _created;
        }
    }

    public async Task<ConversationStart> StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var (now, cutoff) = Now();
        return await WriteAsync(async (connection, transaction) =>
        {
            await LockStartsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            // A conversation of that id that went idle is forgotten, and starts afresh.
            await ExecuteAsync(connection, transaction, $"""
                DELETE FROM {ActivitiesTable} WHERE conversation_id = @c
                    AND EXISTS (SELECT 1 FROM {ConversationsTable} WHERE conversation_id = @c AND last_active < @cutoff);
                DELETE FROM {ConversationsTable} WHERE conversation_id = @c AND last_active < @cutoff;
                """, cancellationToken, ("@c", conversationId), ("@cutoff", cutoff)).ConfigureAwait(false);
            if (await ScalarAsync(connection, transaction, $"SELECT 1 FROM {ConversationsTable} WHERE conversation_id = @c;", cancellationToken, ("@c", conversationId)).ConfigureAwait(false) is not null)
            {
                return ConversationStart.Resumed;
            }

            var live = await LiveCountAsync(connection, transaction, cutoff, cancellationToken).ConfigureAwait(false);
            if (live >= _options.Value.MaxConversations)
            {
                return ConversationStart.Full;
            }

            await ExecuteAsync(connection, transaction, $"""
                INSERT INTO {ConversationsTable} (conversation_id, user_id, next_sequence, activity_count, history_bytes, last_active, erased)
                VALUES (@c, @u, 0, 0, 0, @now, 0);
                """, cancellationToken, ("@c", conversationId), ("@u", userId), ("@now", now)).ConfigureAwait(false);
            return ConversationStart.Started;
        }, durable: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var (_, cutoff) = Now();
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, null, $"SELECT user_id, erased FROM {ConversationsTable} WHERE conversation_id = @c AND last_active >= @cutoff;", ("@c", conversationId), ("@cutoff", cutoff));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new DirectLineConversation(conversationId, reader.GetString(0), reader.GetInt64(1) != 0)
                : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return await FindAsync(conversationId, cancellationToken).ConfigureAwait(false) is not null;
        }

        var settings = _options.Value;
        var (now, cutoff) = Now();
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(now);
        return await WriteAsync(async (connection, transaction) =>
        {
            // Taking the next numbers locks the conversation's row until commit: appends of one conversation queue here.
            var first = await ScalarAsync(connection, transaction, $"""
                UPDATE {ConversationsTable} SET next_sequence = next_sequence + @n, last_active = @now
                WHERE conversation_id = @c AND last_active >= @cutoff
                RETURNING next_sequence - @n;
                """, cancellationToken, ("@n", (long)activities.Count), ("@now", now), ("@c", conversationId), ("@cutoff", cutoff)).ConfigureAwait(false);
            if (first is null)
            {
                return false;
            }

            var sequence = Convert.ToInt64(first, System.Globalization.CultureInfo.InvariantCulture);
            long bytes = 0;
            foreach (var activity in activities)
            {
                activity.Id = DirectLineActivities.Id(conversationId, sequence);
                activity.Timestamp ??= timestamp;
                var json = DirectLineActivities.ToJson(activity);
                bytes += DirectLineActivities.Cost(json);
                await ExecuteAsync(connection, transaction, $"INSERT INTO {ActivitiesTable} (conversation_id, sequence, bytes, json) VALUES (@c, @s, @b, @j);", cancellationToken,
                    ("@c", conversationId), ("@s", sequence), ("@b", DirectLineActivities.Cost(json)), ("@j", json)).ConfigureAwait(false);
                sequence++;
            }

            await using (var totals = Command(connection, transaction, $"""
                UPDATE {ConversationsTable} SET history_bytes = history_bytes + @b, activity_count = activity_count + @n WHERE conversation_id = @c
                RETURNING history_bytes, activity_count;
                """, ("@b", bytes), ("@n", (long)activities.Count), ("@c", conversationId)))
            {
                long historyBytes, count;
                await using (var reader = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    historyBytes = reader.GetInt64(0);
                    count = reader.GetInt64(1);
                }

                if (historyBytes > settings.MaxHistoryBytes || count > settings.MaxHistory)
                {
                    // The newest activity always stays, however large (a post is at most 256 KB), so its sender sees it.
                    await ExecuteAsync(connection, transaction, $"""
                        DELETE FROM {ActivitiesTable} WHERE conversation_id = @c AND sequence < (
                            SELECT MIN(kept.sequence) FROM (
                                SELECT sequence,
                                    SUM(bytes) OVER (ORDER BY sequence DESC) AS newer_bytes,
                                    ROW_NUMBER() OVER (ORDER BY sequence DESC) AS position
                                FROM {ActivitiesTable} WHERE conversation_id = @c) kept
                            WHERE (kept.newer_bytes <= @maxBytes AND kept.position <= @maxCount) OR kept.position = 1);
                        """, cancellationToken, ("@c", conversationId), ("@maxBytes", (long)settings.MaxHistoryBytes), ("@maxCount", (long)settings.MaxHistory)).ConfigureAwait(false);
                    await RecountAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
                }
            }

            await AfterAppendAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
            return true;
        }, durable: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ActivityPage?> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var (_, cutoff) = Now();
        return await ReadAsync(async connection =>
        {
            // One statement, so the watermark and the activities come from the same snapshot.
            await using var command = Command(connection, null, $"""
                SELECT c.next_sequence, a.json FROM {ConversationsTable} c
                LEFT JOIN {ActivitiesTable} a ON a.conversation_id = c.conversation_id AND a.sequence > @after
                WHERE c.conversation_id = @c AND c.last_active >= @cutoff
                ORDER BY a.sequence;
                """, ("@c", conversationId), ("@after", watermark ?? -1L), ("@cutoff", cutoff));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            long? next = null;
            var activities = new List<byte[]>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                next = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    activities.Add(reader.GetFieldValue<byte[]>(1));
                }
            }

            return next is null ? null : new ActivityPage(activities, next.Value - 1);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task EraseAsync(string conversationId, long keepFrom, CancellationToken cancellationToken)
        => WriteAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, $"""
                DELETE FROM {ActivitiesTable} WHERE conversation_id = @c AND sequence < @keepFrom;
                UPDATE {ConversationsTable} SET erased = 1 WHERE conversation_id = @c;
                """, cancellationToken, ("@c", conversationId), ("@keepFrom", keepFrom)).ConfigureAwait(false);
            await RecountAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
            return true;
        }, durable: true, cancellationToken);

    public async Task<bool> IsFullAsync(CancellationToken cancellationToken)
        => await CountAsync(cancellationToken).ConfigureAwait(false) >= _options.Value.MaxConversations;

    public async Task<TimeSpan> RetryAfterWhenFullAsync(CancellationToken cancellationToken)
    {
        var (now, cutoff) = Now();
        var oldest = await ReadAsync(
            connection => ScalarAsync(connection, null, $"SELECT MIN(last_active) FROM {ConversationsTable} WHERE last_active >= @cutoff;", cancellationToken, ("@cutoff", cutoff)),
            cancellationToken).ConfigureAwait(false);
        var soonest = oldest is null or DBNull
            ? TimeSpan.Zero
            : TimeSpan.FromMilliseconds(Convert.ToInt64(oldest, System.Globalization.CultureInfo.InvariantCulture) - cutoff);
        return soonest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : soonest;
    }

    public Task<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        var (_, cutoff) = Now();
        return WriteAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, $"""
                DELETE FROM {ActivitiesTable} WHERE conversation_id IN (SELECT conversation_id FROM {ConversationsTable} WHERE last_active < @cutoff);
                """, cancellationToken, ("@cutoff", cutoff)).ConfigureAwait(false);
            return await ExecuteAsync(connection, transaction, $"DELETE FROM {ConversationsTable} WHERE last_active < @cutoff;", cancellationToken, ("@cutoff", cutoff)).ConfigureAwait(false);
        }, durable: false, cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var (_, cutoff) = Now();
        return ReadAsync(async connection => (int)await LiveCountAsync(connection, null, cutoff, cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    public Task<long> HistoryBytesAsync(CancellationToken cancellationToken)
        => ReadAsync(async connection => Convert.ToInt64(
            await ScalarAsync(connection, null, $"SELECT CAST(COALESCE(SUM(history_bytes), 0) AS BIGINT) FROM {ConversationsTable};", cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    public Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken)
        => WriteAsync(async (connection, transaction) =>
        {
            // Whoever inserts first wins; everyone then reads the same key.
            await ExecuteAsync(connection, transaction, $"INSERT INTO {KeysTable} (name, value) VALUES (@n, @v) ON CONFLICT (name) DO NOTHING;", cancellationToken,
                ("@n", SigningKeyName), ("@v", RandomNumberGenerator.GetBytes(32))).ConfigureAwait(false);
            return (byte[])(await ScalarAsync(connection, transaction, $"SELECT value FROM {KeysTable} WHERE name = @n;", cancellationToken, ("@n", SigningKeyName)).ConfigureAwait(false))!;
        }, durable: true, cancellationToken);

    /// <summary>Creates the tables; see the providers for their column types.</summary>
    protected abstract Task CreateSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; <paramref name="durable"/> for erasures that must survive a power cut.</summary>
    protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, bool durable, CancellationToken cancellationToken);

    protected abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Makes concurrent starts on several instances take turns, so the cap on live conversations holds.</summary>
    protected virtual Task LockStartsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inside the append's transaction: tells other instances, on commit, that the conversation has news.</summary>
    protected virtual Task AfterAppendAsync(DbConnection connection, DbTransaction transaction, string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static async Task<long> LiveCountAsync(DbConnection connection, DbTransaction? transaction, long cutoff, CancellationToken cancellationToken)
        => Convert.ToInt64(
            await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {ConversationsTable} WHERE last_active >= @cutoff;", cancellationToken, ("@cutoff", cutoff)).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);

    private static Task RecountAsync(DbConnection connection, DbTransaction transaction, string conversationId, CancellationToken cancellationToken)
        => ExecuteAsync(connection, transaction, $"""
            UPDATE {ConversationsTable} SET
                history_bytes = (SELECT COALESCE(SUM(bytes), 0) FROM {ActivitiesTable} WHERE conversation_id = @c),
                activity_count = (SELECT COUNT(*) FROM {ActivitiesTable} WHERE conversation_id = @c)
            WHERE conversation_id = @c;
            """, cancellationToken, ("@c", conversationId));

    /// <summary>
    /// Over the total budget: idle conversations go first, then the largest histories give up their oldest activities
    /// until every one is at most the same level, so one heavy conversation cannot push out everyone else's replies.
    /// Frees a tenth more than needed, so this runs rarely rather than on every post at the limit. One instance's
    /// eviction at a time here; two instances evicting at once free a little more than needed, nothing worse.
    /// </summary>
    public async Task KeepWithinBudgetAsync(CancellationToken cancellationToken)
    {
        var budget = _options.Value.MaxTotalHistoryBytes;
        if (await HistoryBytesAsync(cancellationToken).ConfigureAwait(false) <= budget || !await _evictGate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var target = budget / 10 * 9;
            await RemoveIdleAsync(cancellationToken).ConfigureAwait(false);
            var excess = await HistoryBytesAsync(cancellationToken).ConfigureAwait(false) - target;
            if (excess <= 0)
            {
                return;
            }

            var sizes = await ReadAsync(async connection =>
            {
                await using var command = Command(connection, null, $"SELECT conversation_id, history_bytes FROM {ConversationsTable} WHERE history_bytes > 0 ORDER BY history_bytes DESC;");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var list = new List<(string Id, long Bytes)>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add((reader.GetString(0), reader.GetInt64(1)));
                }

                return list;
            }, cancellationToken).ConfigureAwait(false);

            var level = DirectLineActivities.Level([.. sizes.Select(s => s.Bytes)], excess);
            foreach (var (conversationId, bytes) in sizes)
            {
                if (bytes <= level)
                {
                    break;
                }

                await WriteAsync(async (connection, transaction) =>
                {
                    await ExecuteAsync(connection, transaction, $"""
                        DELETE FROM {ActivitiesTable} WHERE conversation_id = @c AND sequence <= COALESCE((
                            SELECT MAX(kept.sequence) FROM (
                                SELECT sequence, SUM(bytes) OVER (ORDER BY sequence DESC) AS newer_bytes
                                FROM {ActivitiesTable} WHERE conversation_id = @c) kept
                            WHERE kept.newer_bytes > @level), -1);
                        """, cancellationToken, ("@c", conversationId), ("@level", level)).ConfigureAwait(false);
                    await RecountAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
                    return true;
                }, durable: false, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _evictGate.Release();
        }
    }

    private (long Now, long Cutoff) Now()
    {
        var now = _time.GetUtcNow();
        return (now.ToUnixTimeMilliseconds(), (now - _options.Value.ConversationIdleTimeout).ToUnixTimeMilliseconds());
    }
}
