using System.Collections.Concurrent;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Proactive;

/// <summary>
/// Times exercise holds: when a hold is started, the bot says "relax" by itself once the hold time is up.
/// One pending hold per conversation; a new message from the user cancels it, so a late "relax" never lands in the
/// middle of something else. Timers live in memory: a hold running when the process stops is simply not finished.
/// </summary>
public sealed class HoldTimers(ProactiveMessenger messenger, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _pending = new(StringComparer.Ordinal);

    public void Start(ConversationReference reference, TimeSpan hold, IActivity whenDone)
    {
        var key = Key(reference);
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                if (_pending.TryRemove(new KeyValuePair<string, ITimer>(key, timer!)))
                {
                    timer!.Dispose();
                    _ = messenger.SendAsync(reference, whenDone, CancellationToken.None);
                }
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);

        if (_pending.TryRemove(key, out var previous))
        {
            previous.Dispose();
        }

        _pending[key] = timer;
        timer.Change(hold, Timeout.InfiniteTimeSpan);
    }

    public bool Cancel(ConversationReference reference)
    {
        if (_pending.TryRemove(Key(reference), out var timer))
        {
            timer.Dispose();
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        foreach (var timer in _pending.Values)
        {
            timer.Dispose();
        }

        _pending.Clear();
    }

    private static string Key(ConversationReference reference) => reference.ChannelId + "/" + reference.Conversation?.Id;
}
