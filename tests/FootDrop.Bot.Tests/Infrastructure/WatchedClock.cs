using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that notes the fake time at which each of its timers fires. FakeTimeProvider runs
/// a due timer's callback inside <see cref="FakeTimeProvider.Advance"/>, so when Advance returns the notes are
/// complete: a test can tell that nothing was due yet without waiting in real time for something not to happen.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<DateTimeOffset> _fired = new();

    /// <summary>When timers fired, in fake time, in the order they fired.</summary>
    public IReadOnlyCollection<DateTimeOffset> Fired => _fired;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => base.CreateTimer(
            s =>
            {
                _fired.Enqueue(GetUtcNow());
                callback(s);
            },
            state,
            dueTime,
            period);
}
