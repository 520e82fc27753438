namespace FootDrop.Bot.DirectLine;

/// <summary>
/// Wakes this instance's WebSockets when their conversation has news: an activity appended here, or on another
/// instance (PostgreSQL's notification, see <see cref="PostgresDirectLineListener"/>). Only a wake-up: the socket then
/// reads the store after its watermark, so a missed or repeated signal costs a read, never an activity.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Conversations with a socket watching them on this instance.</summary>
    public int Watched
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Starts watching a conversation; dispose the watch when the socket closes.</summary>
    public Watch Start(string conversationId)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out var entry))
            {
                entry = new Entry();
                _entries.Add(conversationId, entry);
            }

            entry.Watchers++;
            return new Watch(this, conversationId, entry);
        }
    }

    /// <summary>Wakes every watch of the conversation.</summary>
    public void Notify(string conversationId)
    {
        TaskCompletionSource? woken = null;
        lock (_entries)
        {
            if (_entries.TryGetValue(conversationId, out var entry))
            {
                woken = entry.Next;
                entry.Next = NewSource();
            }
        }

        woken?.TrySetResult();
    }

    /// <summary>Wakes every watch: after notifications may have been missed (the listening connection was lost).</summary>
    public void NotifyAll()
    {
        List<TaskCompletionSource> woken;
        lock (_entries)
        {
            woken = [.. _entries.Values.Select(e => e.Next)];
            foreach (var entry in _entries.Values)
            {
                entry.Next = NewSource();
            }
        }

        foreach (var source in woken)
        {
            source.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Stop(string conversationId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Watchers == 0)
            {
                _entries.Remove(conversationId);
            }
        }
    }

    internal sealed class Entry
    {
        public TaskCompletionSource Next { get; set; } = NewSource();

        public int Watchers { get; set; }
    }

    /// <summary>One socket's watch of one conversation.</summary>
    public sealed class Watch : IDisposable
    {
        private readonly DirectLineSignals _owner;
        private readonly string _conversationId;
        private readonly Entry _entry;
        private int _disposed;

        internal Watch(DirectLineSignals owner, string conversationId, Entry entry)
        {
            _owner = owner;
            _conversationId = conversationId;
            _entry = entry;
        }

        /// <summary>
        /// Completes at the next signal after this call. Take it before reading the store, so news that arrives during
        /// the read wakes the next wait instead of being missed.
        /// </summary>
        public Task Next()
        {
            lock (_owner._entries)
            {
                return _entry.Next.Task;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Stop(_conversationId, _entry);
            }
        }
    }
}
