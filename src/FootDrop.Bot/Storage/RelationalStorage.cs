using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Storage;

/// <summary>
/// The <see cref="IStorage"/> contract on one SQL table of key, JSON document, eTag and last-written time, shared by the
/// SQLite and PostgreSQL providers:
/// reads return only keys that exist; an item whose eTag is null or <c>*</c> is written whatever is stored; any other
/// eTag is written only while it still matches, else <see cref="StorageConflictException"/>. After a write the new eTag
/// is set on the item (an <see cref="IStoreItem"/>, or the <c>eTag</c> entry of a dictionary or JObject), so saving
/// the same state again in the turn works. Inside a run of a turn the writes are a unit: see <see cref="TurnStorageScope"/>.
/// </summary>
public abstract class RelationalStorage : IStorage, IConversationStateExpiry, IUserStateExpiry
{
    private readonly Lock _createLock = new();
    private Task? _created;

    protected RelationalStorage(TimeProvider? timeProvider)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock that stamps each write, which idle expiry compares against.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>Creates the database and table if missing. Safe to call many times; every operation calls it first.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
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

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        var scope = TurnStorageScope.Current;
        var toRead = new List<string>(keys.Length);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (scope is not null && scope.TryGetStaged(this, key, out var staged))
            {
                // This run's own save, not committed yet.
                items[key] = ToItem(key, staged.Document, staged.NewETag);
            }
            else
            {
                toRead.Add(key);
            }
        }

        if (toRead.Count == 0)
        {
            return items;
        }

        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ReadRowsAsync(toRead, cancellationToken).ConfigureAwait(false);
        foreach (var key in toRead)
        {
            if (rows.TryGetValue(key, out var row))
            {
                items[key] = ToItem(key, row.Document, row.ETag);
                scope?.RecordSeen(this, key, row.ETag);
            }
            else
            {
                scope?.RecordSeen(this, key, null);
            }
        }

        return items;
    }

    /// <summary>
    /// Within a run of a turn (see <see cref="Concurrency.SafeTurnRunner"/>) the writes are staged and committed
    /// together when the run ends, where a conflict surfaces; elsewhere they are written at once.
    /// </summary>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var scope = TurnStorageScope.Current;
        var writes = new List<RowWrite>(changes.Count);
        foreach (var (key, item) in changes)
        {
            if (item is null)
            {
                throw new ArgumentException("A stored item cannot be null; delete the key instead.", nameof(changes));
            }

            if (scope?.WasErased(this, key) == true)
            {
                // This run erased the key: what it loaded before the erase must not come back.
                continue;
            }

            writes.Add(PlanWrite(scope, key, item));
        }

        if (writes.Count == 0)
        {
            return;
        }

        if (scope is null)
        {
            await CommitAsync(writes, cancellationToken).ConfigureAwait(false);
        }

        foreach (var write in writes)
        {
            scope?.Stage(this, write);
            StoredItemETag.Set(write.Item, write.NewETag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var distinctKeys = keys.Distinct(StringComparer.Ordinal).ToList();
        await DeleteRowsAsync(distinctKeys, cancellationToken).ConfigureAwait(false);

        var scope = TurnStorageScope.Current;
        foreach (var key in distinctKeys)
        {
            scope?.RecordDeleted(this, key);
        }
    }

    /// <summary>Applies <paramref name="writes"/> in one transaction, or none of them.</summary>
    /// <exception cref="StorageConflictException">A write's condition no longer holds.</exception>
    internal async Task CommitAsync(IReadOnlyList<RowWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var refused = await TryWriteRowsAsync(writes, TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            throw new StorageConflictException(refused.Key, refused.Condition == WriteCondition.OnlyIfMissing ? null : refused.ExpectedETag);
        }
    }

    public async Task<int> DeleteConversationStateWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteConversationRowsWrittenBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkUserSeenAsync(string userStateKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userStateKey);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = TimeProvider.GetUtcNow();
        await TouchRowAsync(userStateKey, now, now - IUserStateExpiry.SeenResolution, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> DeleteUserStateWrittenBeforeAsync(IReadOnlyCollection<string> channelIds, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>();
        foreach (var channelId in channelIds.Distinct(StringComparer.Ordinal))
        {
            deleted.AddRange(await DeleteUserRowsWrittenBeforeAsync(StateKeys.UserKeyPrefix(channelId), cutoff, cancellationToken).ConfigureAwait(false));
        }

        return deleted;
    }

    private static object ToItem(string key, string document, string eTag)
    {
        object item;
        try
        {
            item = StateDocument.Deserialize(document);
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            // Told apart from an outage, so the turn-error policy clears this state instead of keeping it for a retry.
            throw StoredStateUnreadableException.ForKey(key, exception);
        }

        StoredItemETag.Set(item, eTag);
        return item;
    }

    private RowWrite PlanWrite(TurnStorageScope? scope, string key, object item)
    {
        var eTag = StoredItemETag.Get(item);
        if (eTag is { Length: 0 })
        {
            throw new ArgumentException("An item's eTag is empty; use null or \"*\" to write unconditionally.", nameof(item));
        }

        var document = StateDocument.Serialize(item);
        var conversationScoped = StateKeys.IsConversationScoped(key);

        if (scope is not null && scope.TryGetStaged(this, key, out var staged))
        {
            // Saved again in the same run: the commit still checks what the run first read.
            if (eTag is null or StoredItemETag.Any || eTag == staged.NewETag)
            {
                var condition = eTag == StoredItemETag.Any ? WriteCondition.Always : staged.Condition;
                return staged with { Item = item, Document = document, Condition = condition, NewETag = StoredItemETag.CreateNew() };
            }

            throw new StorageConflictException(key, eTag);
        }

        var plannedCondition = eTag switch
        {
            null when scope?.SawMissing(this, key) == true => WriteCondition.OnlyIfMissing,
            null or StoredItemETag.Any => WriteCondition.Always,
            _ => WriteCondition.OnlyIfETagMatches,
        };
        return new RowWrite(key, item, document, plannedCondition, eTag, StoredItemETag.CreateNew(), conversationScoped);
    }

    protected abstract Task CreateSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Returns the stored rows among <paramref name="keys"/>, by exact key.</summary>
    protected abstract Task<IReadOnlyDictionary<string, StoredRow>> ReadRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Applies every write in one transaction, or none: returns null when all were applied, else the first refused write.</summary>
    protected abstract Task<RowWrite?> TryWriteRowsAsync(IReadOnlyList<RowWrite> writes, DateTimeOffset now, CancellationToken cancellationToken);

    protected abstract Task DeleteRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    protected abstract Task<int> DeleteConversationRowsWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Sets the row's last-written time to <paramref name="now"/> if it exists and was last written before <paramref name="notSince"/>.</summary>
    protected abstract Task TouchRowAsync(string key, DateTimeOffset now, DateTimeOffset notSince, CancellationToken cancellationToken);

    /// <summary>Deletes the user-scoped rows whose key starts with <paramref name="keyPrefix"/>, last written before <paramref name="cutoff"/>; returns their keys.</summary>
    protected abstract Task<IReadOnlyList<string>> DeleteUserRowsWrittenBeforeAsync(string keyPrefix, DateTimeOffset cutoff, CancellationToken cancellationToken);

    protected internal sealed record StoredRow(string Document, string ETag);

    protected internal enum WriteCondition
    {
        /// <summary>Insert, or replace whatever is stored.</summary>
        Always,

        /// <summary>Replace only the row whose eTag is <see cref="RowWrite.ExpectedETag"/>.</summary>
        OnlyIfETagMatches,

        /// <summary>Insert only if no row exists: the turn found none and must not overwrite one created meanwhile.</summary>
        OnlyIfMissing,
    }

    protected internal sealed record RowWrite(
        string Key,
        object Item,
        string Document,
        WriteCondition Condition,
        string? ExpectedETag,
        string NewETag,
        bool ConversationScoped);
}
