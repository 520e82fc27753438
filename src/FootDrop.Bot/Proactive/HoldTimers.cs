using System.Collections.Concurrent;
using FootDrop.Bot.Concurrency;
using FootDrop.Bot.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Proactive;

/// <summary>
/// Times exercise holds: when a hold is started, the bot says "relax" by itself once the hold time is up.
/// <para>
/// The truth is in the conversation state, not in this process: starting a hold notes it there (<see cref="PendingHold"/>,
/// saved with the turn) and any message ends it, on whichever instance it arrives, by saving the state without it. The
/// timer runs in the process that started the hold; when it is due it runs a turn that reads the stored note and says
/// "relax" only if the note is still this hold, removing it in the same save, so a late "relax" never lands in the
/// middle of something else and never comes twice. If that save finds the state changed meanwhile (a message on
/// another instance), the turn runs again on the fresh state and stays silent.
/// </para>
/// <para>
/// A hold whose process stops before it is due is dropped on purpose: holds last seconds, a restart takes longer, and
/// a "relax" arriving after the restart would come out of nowhere. The page still shows the hold's step with its
/// Next button; the next message clears the note.
/// </para>
/// </summary>
public sealed partial class HoldTimers(
    ProactiveMessenger messenger,
    BotStateAccessors state,
    SafeTurnRunner runner,
    TimeProvider time,
    ILogger<HoldTimers> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _pending = new(StringComparer.Ordinal);
    private long _settled;

    /// <summary>How many due timers of this process have finished deciding (relax sent, or the hold found ended).</summary>
    public long Settled => Interlocked.Read(ref _settled);

    /// <summary>Starts a hold in this turn's conversation: noted in its state (saved with the turn), timed here.</summary>
    public async Task StartAsync(ITurnContext turnContext, TimeSpan hold, IActivity whenDone, CancellationToken cancellationToken)
    {
        var reference = turnContext.Activity.GetConversationReference();

        // "Relax" is a message of its own, not a reply to "start hold" (Teams would thread it otherwise).
        reference.ActivityId = null;
        var id = Guid.NewGuid().ToString("N");
        await state.PendingHold.SetAsync(turnContext, new PendingHold { Id = id, Due = time.GetUtcNow() + hold }, cancellationToken);

        var key = Key(reference);
        ITimer? timer = null;

        // The timer must not carry the turn's async context (its storage scope, its hold on the conversation) into the callback.
        using (ExecutionContext.SuppressFlow())
        {
            timer = time.CreateTimer(
                _ =>
                {
                    if (_pending.TryRemove(new KeyValuePair<string, ITimer>(key, timer!)))
                    {
                        timer!.Dispose();
                        _ = FireAsync(reference, id, whenDone);
                    }
                },
                null,
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        if (_pending.TryRemove(key, out var previous))
        {
            previous.Dispose();
        }

        _pending[key] = timer;
        timer.Change(hold, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// A message arrived: the hold is over. Removes the note from the conversation state (saved with the turn), and
    /// stops a timer of this process early; a timer of another process finds the note gone when it is due.
    /// </summary>
    public async Task CancelAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await state.PendingHold.DeleteAsync(turnContext, cancellationToken);
        if (_pending.TryRemove(Key(turnContext.Activity.GetConversationReference()), out var timer))
        {
            timer.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var timer in _pending.Values)
        {
            timer.Dispose();
        }

        _pending.Clear();
    }

    private async Task FireAsync(ConversationReference reference, string holdId, IActivity whenDone)
    {
        try
        {
            await ContinueAsync(reference, holdId, whenDone);
        }
        finally
        {
            Interlocked.Increment(ref _settled);
        }
    }

    private async Task ContinueAsync(ConversationReference reference, string holdId, IActivity whenDone)
    {
        await messenger.ContinueAsync(
            reference,
            (turnContext, cancellationToken) => runner.RunAsync(turnContext, async (attempt, ct) =>
            {
                var pending = await state.PendingHold.GetAsync(attempt, null, ct);
                if (pending?.Id != holdId)
                {
                    // Stopped by a message since (here or on another instance), or replaced by a newer hold.
                    LogHoldEnded(logger, reference.ChannelId);
                    return;
                }

                await state.PendingHold.DeleteAsync(attempt, ct);
                await state.ConversationState.SaveChangesAsync(attempt, false, ct);
                await attempt.SendActivityAsync(whenDone, ct);
            }, cancellationToken),
            CancellationToken.None);
    }

    private static string Key(ConversationReference reference) => reference.ChannelId + "/" + reference.Conversation?.Id;

    [LoggerMessage(Level = LogLevel.Debug, Message = "A hold timer on {ChannelId} was due after its hold had ended; no relax sent")]
    private static partial void LogHoldEnded(ILogger logger, string? channelId);
}
