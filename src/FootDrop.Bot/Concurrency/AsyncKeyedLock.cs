namespace FootDrop.Bot.Concurrency;

/// <summary>
/// One async lock per key, made on first use and dropped when nobody holds or waits for it, so a bot that has seen a
/// million conversations keeps only the locks of the turns running now.
/// </summary>
public sealed class AsyncKeyedLock
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many keys are held or waited for right now.</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="key"/> is free and takes it; dispose the result to let the next waiter in.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry, holdsGate: false);
            throw;
        }

        return new Holder(this, key, entry);
    }

    private void Leave(string key, Entry entry, bool holdsGate)
    {
        lock (_entries)
        {
            if (holdsGate)
            {
                entry.Gate.Release();
            }

            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Holders plus waiters; changed only under the dictionary's lock.
        public int Users { get; set; }
    }

    private sealed class Holder(AsyncKeyedLock owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Leave(key, entry, holdsGate: true);
            }
        }
    }
}
