using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Privacy: deletes conversation state nobody has written for <see cref="StorageOptions.ConversationIdleTimeout"/>.
/// User state (exercise progress) is kept. Runs at start and then every <see cref="StorageOptions.ExpiryCheckInterval"/>
/// on the injected <see cref="TimeProvider"/>, so tests move time instead of waiting.
/// </summary>
public sealed partial class ConversationStateExpiryService(
    IStorage storage,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<ConversationStateExpiryService> logger) : BackgroundService
{
    private long _completedSweeps;

    /// <summary>How many sweeps have finished, failed ones included.</summary>
    public long CompletedSweeps => Interlocked.Read(ref _completedSweeps);

    /// <summary>Deletes the conversation state idle for longer than the timeout, as of now; returns how many items went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (storage is not IConversationStateExpiry expiry)
        {
            // Memory storage forgets everything at restart and is for tests only.
            return 0;
        }

        var cutoff = timeProvider.GetUtcNow() - options.Value.ConversationIdleTimeout;
        var deleted = await expiry.DeleteConversationStateWrittenBeforeAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            LogExpired(logger, deleted, options.Value.ConversationIdleTimeout);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, timeProvider);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database that is briefly away must not end the sweeping for good; the next tick tries again.
                LogSweepFailed(logger, exception.GetType().FullName);
            }
            finally
            {
                Interlocked.Increment(ref _completedSweeps);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the state of {Count} conversations idle for longer than {IdleTimeout}")]
    private static partial void LogExpired(ILogger logger, int count, TimeSpan idleTimeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete idle conversation state: {ExceptionType}")]
    private static partial void LogSweepFailed(ILogger logger, string? exceptionType);
}
