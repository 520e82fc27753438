using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Storage;

/// <summary>
/// What one attempt at a turn has seen of the durable storage, flowing with the turn's async calls.
/// It closes the two gaps an eTag alone leaves: state that did not exist when the turn read it carries no eTag, so its
/// first save would overwrite a concurrent first save; and a turn that erased the user's data must not write the state
/// it loaded before the erase back afterwards.
/// </summary>
internal sealed class TurnStorageScope
{
    private static readonly AsyncLocal<TurnStorageScope?> s_current = new();

    // Value: the eTag the turn last saw, or null when it saw no item.
    private readonly ConcurrentDictionary<(IStorage Storage, string Key), string?> _seen = new();
    private readonly ConcurrentDictionary<(IStorage Storage, string Key), bool> _erased = new();
    private int _erasing;

    public static TurnStorageScope? Current => s_current.Value;

    /// <summary>Starts a fresh scope for the calling async flow (and what it awaits); it ends when that async method returns.</summary>
    public static TurnStorageScope Begin()
    {
        var scope = new TurnStorageScope();
        s_current.Value = scope;
        return scope;
    }

    public void RecordSeen(IStorage storage, string key, string? eTag) => _seen[(storage, key)] = eTag;

    /// <summary>True when this turn read the key and found nothing, and has not written it since.</summary>
    public bool SawMissing(IStorage storage, string key) => _seen.TryGetValue((storage, key), out var eTag) && eTag is null;

    /// <summary>Deletes made until the returned handle is disposed are erasures: later writes of those keys in this turn are dropped.</summary>
    public IDisposable BeginErasing()
    {
        Interlocked.Increment(ref _erasing);
        return new ErasingHandle(this);
    }

    public void RecordDeleted(IStorage storage, string key)
    {
        _seen.TryRemove((storage, key), out _);
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
