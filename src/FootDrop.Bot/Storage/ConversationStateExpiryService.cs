using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Privacy: deletes conversation state nobody has written for <see cref="StorageOptions.ConversationIdleTimeout"/>, and
/// the user state of anonymous web users (<see cref="WebUsers"/>) neither written nor seen for
/// <see cref="StorageOptions.WebUserIdleTimeout"/>, telling every <see cref="IExpiredUserDataStore"/> whom to forget.
/// Teams users keep their user state (exercise progress) until they delete it. Runs at start and then every
/// <see cref="StorageOptions.ExpiryCheckInterval"/> on the injected <see cref="TimeProvider"/>, so tests move time
/// instead of waiting. With several instances each sweeps; a row deleted twice is deleted once.
/// </summary>
public sealed partial class ConversationStateExpiryService(
    IStorage storage,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<ConversationStateExpiryService> logger,
    IEnumerable<IExpiredUserDataStore>? expiredUserStores = null) : BackgroundService
{
    private readonly IReadOnlyList<IExpiredUserDataStore> _expiredUserStores = [.. expiredUserStores ?? []];
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

    /// <summary>
    /// Deletes the user state of the web users gone for longer than <see cref="StorageOptions.WebUserIdleTimeout"/>, as
    /// of now, then has every <see cref="IExpiredUserDataStore"/> forget them; returns who went.
    /// </summary>
    public async Task<IReadOnlyList<ExpiredWebUser>> SweepWebUsersAsync(CancellationToken cancellationToken)
    {
        if (storage is not IUserStateExpiry expiry)
        {
            return [];
        }

        var cutoff = timeProvider.GetUtcNow() - options.Value.WebUserIdleTimeout;
        var keys = await expiry.DeleteUserStateWrittenBeforeAsync([.. WebUsers.Channels], cutoff, cancellationToken);
        var users = new List<ExpiredWebUser>(keys.Count);
        foreach (var key in keys)
        {
            if (StateKeys.TryReadUserKey(key, out var channelId, out var userId))
            {
                users.Add(new ExpiredWebUser(channelId, userId));
            }
        }

        if (users.Count == 0)
        {
            return users;
        }

        foreach (var store in _expiredUserStores)
        {
            await store.ForgetAsync(users, cancellationToken);
        }

        LogWebUsersExpired(logger, users.Count, options.Value.WebUserIdleTimeout, _expiredUserStores.Count);
        return users;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, timeProvider);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
                await SweepWebUsersAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the user state of {Count} web users not seen for longer than {IdleTimeout}, and told {StoreCount} other stores")]
    private static partial void LogWebUsersExpired(ILogger logger, int count, TimeSpan idleTimeout, int storeCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete idle conversation or web user state: {ExceptionType}")]
    private static partial void LogSweepFailed(ILogger logger, string? exceptionType);
}
