using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The built-in Direct Line's conversations as the endpoints and the adapter use them: the shared store
/// (<see cref="IDirectLineStore"/>), and a wake-up for this instance's sockets whenever something is appended here.
/// </summary>
public sealed class DirectLineConversations(IDirectLineStore store, DirectLineSignals signals)
{
    public IDirectLineStore Store => store;

    public Task<ConversationStart> StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
        => store.StartAsync(conversationId, userId, cancellationToken);

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
        => store.FindAsync(conversationId, cancellationToken);

    /// <summary>Adds one activity, giving it the stream's next id; false if the conversation is gone.</summary>
    public Task<bool> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
        => AppendAsync(conversationId, [activity], cancellationToken);

    /// <summary>Adds activities in order, giving each the stream's next id; false if the conversation is gone.</summary>
    public async Task<bool> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var appended = await store.AppendAsync(conversationId, activities, cancellationToken);
        if (appended)
        {
            // Sockets first: the budget's housekeeping must not delay a reply.
            signals.Notify(conversationId);
            await store.KeepWithinBudgetAsync(cancellationToken);
        }

        return appended;
    }

    public Task<ActivityPage?> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
        => store.ReadAsync(conversationId, watermark, cancellationToken);

    public Task EraseAsync(string conversationId, string? keepFromActivityId, CancellationToken cancellationToken)
        => store.EraseAsync(conversationId, DirectLineActivities.SequenceOf(conversationId, keepFromActivityId) ?? long.MaxValue, cancellationToken);

    public Task<bool> IsFullAsync(CancellationToken cancellationToken) => store.IsFullAsync(cancellationToken);

    public Task<TimeSpan> RetryAfterWhenFullAsync(CancellationToken cancellationToken) => store.RetryAfterWhenFullAsync(cancellationToken);

    /// <summary>Live conversations.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) => store.CountAsync(cancellationToken);

    /// <summary>The bytes of every kept activity, overhead included.</summary>
    public Task<long> HistoryBytesAsync(CancellationToken cancellationToken = default) => store.HistoryBytesAsync(cancellationToken);
}

/// <summary>Forgets idle built-in conversations and their transcripts in the background, on the injected clock.</summary>
public sealed partial class DirectLineHousekeeping(
    IDirectLineStore store,
    Microsoft.Extensions.Options.IOptions<WebChatOptions> options,
    TimeProvider time,
    ILogger<DirectLineHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Clamp(options.Value.ConversationIdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute * 5));
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RemoveIdleAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database briefly away: the next tick tries again, and idle conversations are never served meanwhile.
                LogFailed(logger, exception.GetType().FullName);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forget idle web chat conversations: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string? exceptionType);
}
