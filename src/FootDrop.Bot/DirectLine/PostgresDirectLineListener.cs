using Npgsql;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// With the built-in Direct Line on PostgreSQL (several instances): keeps one connection that LISTENs for <see cref="PostgresDirectLineStore"/>'s
/// notifications and wakes this instance's sockets of that conversation, so a reply produced on another instance
/// reaches the page at once. If the connection is lost it reconnects, and wakes every socket to catch up on what it
/// may have missed; the sockets also look at the store every few seconds regardless. On any other store it does
/// nothing: with one instance there is nobody else to hear from.
/// </summary>
public sealed partial class PostgresDirectLineListener(
    IDirectLineStore directLineStore,
    DirectLineSignals signals,
    ILogger<PostgresDirectLineListener> logger) : BackgroundService
{
    // Long enough to cost nothing; short enough to notice a silently dead connection soon.
    private static readonly TimeSpan s_livenessCheck = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (directLineStore is not PostgresDirectLineStore store)
        {
            _listening.TrySetResult();
            return;
        }

        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.EnsureCreatedAsync(stoppingToken);
                await using var connection = await store.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => signals.Notify(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDirectLineStore.NotificationChannel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was appended while nobody listened is read now.
                signals.NotifyAll();
                _listening.TrySetResult();
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(s_livenessCheck, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1;", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception.GetType().FullName, delay.TotalSeconds);
                signals.NotifyAll();
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL connection that listens for web chat activities ({ExceptionType}); listening again in {Seconds} s, web chats meanwhile see replies within a few seconds")]
    private static partial void LogListenFailed(ILogger logger, string? exceptionType, double seconds);
}
