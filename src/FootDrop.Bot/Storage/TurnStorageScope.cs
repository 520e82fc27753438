using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Storage;

/// <summary>
/// One run of a turn as the durable stores see it, flowing with the turn's async calls. It makes the run a unit:
/// <list type="bullet">
/// <item>State writes are staged and committed together, in one transaction, when the run ends
/// (<see cref="CommitAsync"/>): a bot that saves conversation state and then user state can never have the first
/// saved and the second refused, which would make the retried turn count twice.</item>
/// <item>A key the run found missing carries no eTag when saved; it is then written only if still missing, so two
/// first saves cannot overwrite each other.</item>
/// <item>Keys the run erased are not written again by it, so nothing loaded before the erase comes back.</item>
/// </list>
/// Deletes are not staged: an erasure stands even if the rest of the turn fails.
/// </summary>
internal sealed class TurnStorageScope
{
    private static readonly AsyncLocal<TurnStorageScope?> s_current = new();

    // Value: the eTag the run last saw, or null when it saw no item.
    private readonly ConcurrentDictionary<(IStorage Storage, string Key), string?> _seen = new();
    private readonly ConcurrentDictionary<(IStorage Storage, string Key), bool> _erased = new();
    private readonly Dictionary<(RelationalStorage Storage, string Key), RelationalStorage.RowWrite> _staged = [];
    private int _erasing;
    private volatile bool _ended;

    /// <summary>
    /// The scope of the run this code is part of, while that run lasts. Work the run left behind (a timer, a
    /// fire-and-forget task) inherits the flow but not the scope: its writes go to the database at once.
    /// </summary>
    public static TurnStorageScope? Current => s_current.Value is { _ended: false } scope ? scope : null;

    /// <summary>Starts a fresh scope for the calling async flow (and what it awaits); it ends when that async method returns.</summary>
    public static TurnStorageScope Begin()
    {
        var scope = new TurnStorageScope();
        s_current.Value = scope;
        return scope;
    }

    public void RecordSeen(IStorage storage, string key, string? eTag) => _seen[(storage, key)] = eTag;

    /// <summary>True when this run read the key and found nothing.</summary>
    public bool SawMissing(IStorage storage, string key) => _seen.TryGetValue((storage, key), out var eTag) && eTag is null;

    public bool TryGetStaged(RelationalStorage storage, string key, out RelationalStorage.RowWrite write)
    {
        lock (_staged)
        {
            return _staged.TryGetValue((storage, key), out write!);
        }
    }

    public void Stage(RelationalStorage storage, RelationalStorage.RowWrite write)
    {
        lock (_staged)
        {
            _staged[(storage, write.Key)] = write;
        }
    }

    /// <summary>Ends the run's scope; whatever is still staged is dropped.</summary>
    public void End()
    {
        _ended = true;
        lock (_staged)
        {
            _staged.Clear();
        }
    }

    /// <summary>Writes everything staged, each store's writes in one transaction.</summary>
    /// <exception cref="StorageConflictException">Some item changed since this run read it; nothing of that store was written.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        List<IGrouping<RelationalStorage, RelationalStorage.RowWrite>> byStorage;
        lock (_staged)
        {
            byStorage = [.. _staged.GroupBy(entry => entry.Key.Storage, entry => entry.Value)];
            _staged.Clear();
        }

        foreach (var writes in byStorage)
        {
            await writes.Key.CommitAsync([.. writes], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes made until the returned handle is disposed are erasures: later writes of those keys in this run are dropped.</summary>
    public IDisposable BeginErasing()
    {
        Interlocked.Increment(ref _erasing);
        return new ErasingHandle(this);
    }

    public void RecordDeleted(RelationalStorage storage, string key)
    {
        _seen.TryRemove((storage, key), out _);
        lock (_staged)
        {
            _staged.Remove((storage, key));
        }

        if (Volatile.Read(ref _erasing) > 0)
        {
            _erased[(storage, key)] = true;
        }
    }

    public bool WasErased(IStorage storage, string key) => _erased.ContainsKey((storage, key));

    private sealed class ErasingHandle(TurnStorageScope scope) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref scope._erasing);
            }
        }
    }
}
