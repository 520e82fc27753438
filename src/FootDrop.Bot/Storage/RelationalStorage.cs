using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Storage;

/// <summary>
/// The <see cref="IStorage"/> contract on one SQL table of key, JSON document, eTag and last-written time, shared by the
/// SQLite and PostgreSQL providers:
/// reads return only keys that exist; an item whose eTag is null or <c>*</c> is written whatever is stored; any other
/// eTag is written only while it still matches, else <see cref="StorageConflictException"/>. After a write the new eTag
/// is set on the item (an <see cref="IStoreItem"/>, or the <c>eTag</c> entry of a dictionary or JObject), so saving
/// the same state again in the turn works.
/// </summary>
public abstract class RelationalStorage : IStorage, IConversationStateExpiry
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
        if (keys.Length == 0)
        {
            return items;
        }

        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var distinctKeys = keys.Distinct(StringComparer.Ordinal).ToList();
        var rows = await ReadRowsAsync(distinctKeys, cancellationToken).ConfigureAwait(false);

        var scope = TurnStorageScope.Current;
        foreach (var key in distinctKeys)
        {
            if (rows.TryGetValue(key, out var row))
            {
                var item = StateDocument.Deserialize(row.Document);
                StoredItemETag.Set(item, row.ETag);
                items[key] = item;
                scope?.RecordSeen(this, key, row.ETag);
            }
            else
            {
                scope?.RecordSeen(this, key, null);
            }
        }

        return items;
    }

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
                // This turn erased the key: what it loaded before the erase must not come back.
                continue;
            }

            var eTag = StoredItemETag.Get(item);
            var condition = eTag switch
            {
                null when scope?.SawMissing(this, key) == true => WriteCondition.OnlyIfMissing,
                null or StoredItemETag.Any => WriteCondition.Always,
                "" => throw new ArgumentException("An item's eTag is empty; use null or \"*\" to write unconditionally.", nameof(changes)),
                _ => WriteCondition.OnlyIfETagMatches,
            };

            writes.Add(new RowWrite(key, item, StateDocument.Serialize(item), condition, eTag, StoredItemETag.CreateNew(), StateKeys.IsConversationScoped(key)));
        }

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

        foreach (var write in writes)
        {
            StoredItemETag.Set(write.Item, write.NewETag);
            scope?.RecordSeen(this, write.Key, write.NewETag);
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

    public async Task<int> DeleteConversationStateWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteConversationRowsWrittenBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task CreateSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Returns the stored rows among <paramref name="keys"/>, by exact key.</summary>
    protected abstract Task<IReadOnlyDictionary<string, StoredRow>> ReadRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Applies every write in one transaction, or none: returns null when all were applied, else the first refused write.</summary>
    protected abstract Task<RowWrite?> TryWriteRowsAsync(IReadOnlyList<RowWrite> writes, DateTimeOffset now, CancellationToken cancellationToken);

    protected abstract Task DeleteRowsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    protected abstract Task<int> DeleteConversationRowsWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    protected sealed record StoredRow(string Document, string ETag);

    protected enum WriteCondition
    {
        /// <summary>Insert, or replace whatever is stored.</summary>
        Always,

        /// <summary>Replace only the row whose eTag is <see cref="RowWrite.ExpectedETag"/>.</summary>
        OnlyIfETagMatches,

        /// <summary>Insert only if no row exists: the turn found none and must not overwrite one created meanwhile.</summary>
        OnlyIfMissing,
    }

    protected sealed record RowWrite(
        string Key,
        object Item,
        string Document,
        WriteCondition Condition,
        string? ExpectedETag,
        string NewETag,
        bool ConversationScoped);
}
