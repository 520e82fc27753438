using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that notes the fake time at which each of its timers fires. FakeTimeProvider runs
/// a due timer's callback inside <see cref="FakeTimeProvider.Advance"/>, so when Advance returns the notes are
/// complete: a test can tell that nothing was due yet without waiting in real time for something not to happen.
/// Only the bot's own timers are noted: libraries that sleep on the same clock (the reminder scheduler's idle wait in
/// Quartz) wake on it too, and their wake-ups say nothing about the bot's timers.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private static readonly System.Reflection.Assembly BotAssembly = typeof(FootDrop.Bot.Proactive.HoldTimers).Assembly;

    private readonly ConcurrentQueue<DateTimeOffset> _fired = new();

    /// <summary>When the bot's timers fired, in fake time, in the order they fired.</summary>
    public IReadOnlyCollection<DateTimeOffset> Fired => _fired;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => callback.Method.DeclaringType?.Assembly != BotAssembly
            ? base.CreateTimer(callback, state, dueTime, period)
            : base.CreateTimer(
                s =>
                {
                    _fired.Enqueue(GetUtcNow());
                    callback(s);
                },
                state,
                dueTime,
                period);
}
