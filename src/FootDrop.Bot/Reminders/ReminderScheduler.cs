using System.Security.Cryptography;
using System.Text;
using FootDrop.Bot.Hosting;
using FootDrop.Bot.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// The reminders' Quartz.NET scheduler: one job per user, keyed by a hash of the channel and user id, with a cron
/// trigger in the user's time zone. The store is the bot's own database: clustered on PostgreSQL (each reminder fires
/// on exactly one instance; a reminder due while every instance was down fires once when one is back), SQLite for the
/// single embedded instance, memory in tests. A trigger that is more than <see cref="ReminderOptions.SkipWhenLateBy"/>
/// late counts as misfired and skips to its next time (Quartz's DoNothing), so a long outage never sends a burst.
/// </summary>
public sealed partial class ReminderScheduler(
    ISchedulerFactory schedulers,
    IOptions<ReminderOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    StartupWork work,
    IHostApplicationLifetime lifetime,
    ILogger<ReminderScheduler> logger) : IHostedLifecycleService
{
    public const string SchedulerName = "footdrop-reminders";
    public const string Group = "reminders";
    public const string ChannelKey = "channel";
    public const string UserKey = "user";
    public const string VersionKey = "version";

    private readonly TaskCompletionSource<IScheduler> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;

    /// <summary>The running scheduler (waits for the start).</summary>
    public Task<IScheduler> SchedulerAsync => _started.Task;

    public static JobKey JobKeyFor(string channelId, string userId) => new(Hash(channelId, userId), Group);

    public static TriggerKey TriggerKeyFor(string channelId, string userId) => new(Hash(channelId, userId), Group);

    /// <summary>Schedules (or replaces) the user's reminder; returns its first fire time.</summary>
    public async Task<DateTimeOffset> ScheduleAsync(string channelId, string userId, ReminderSchedule schedule, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync.WaitAsync(cancellationToken);
        var job = JobBuilder.Create<ReminderJob>()
            .WithIdentity(JobKeyFor(channelId, userId))
            .UsingJobData(ChannelKey, channelId)
            .UsingJobData(UserKey, userId)
            .UsingJobData(VersionKey, schedule.Version)
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TriggerKeyFor(channelId, userId))
            .ForJob(job.Key)
            .WithSchedule(CronScheduleBuilder.Create(ReminderTimes.Cron(schedule))
                .InTimeZone(ReminderTimes.Zone(schedule.TimeZone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .WithMisfireThreshold(options.Value.SkipWhenLateBy)
            // Strictly after now, as the confirmation says: "tomorrow at this time" set at 9:00:00 is not due at once.
            .StartAt(time.GetUtcNow().AddSeconds(1))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        return trigger.NextFireTimeUtc ?? ReminderTimes.NextTimes(schedule, time.GetUtcNow()).First();
    }

    /// <summary>Removes the user's reminder job, if any.</summary>
    public async Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync.WaitAsync(cancellationToken);
        return await scheduler.DeleteJob(JobKeyFor(channelId, userId), cancellationToken);
    }

    /// <summary>The user's trigger as the store has it (for tests and diagnostics).</summary>
    public async Task<ITrigger?> TriggerAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync.WaitAsync(cancellationToken);
        return await scheduler.GetTrigger(TriggerKeyFor(channelId, userId), cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts the scheduler among the start-up work once the bot listens: it takes a few hundred milliseconds of CPU
    /// that the first reply should not wait for. Whatever needs the scheduler waits for <see cref="SchedulerAsync"/>;
    /// if it cannot start, the bot stops, as a failed start-up check stops it.
    /// </summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _starting = work.Run(() => StartSchedulerAsync(_stopping.Token).GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartSchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            IScheduler scheduler;
            if (storage.Value.ProviderKind == StorageProvider.Postgres)
            {
                // The store creates its tables when it starts. Instances starting together take turns, so no two of
                // them create the schema at once (Quartz's own race handling stalled when they did in one process).
                await using var connection = new NpgsqlConnection(storage.Value.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@id);", connection))
                {
                    take.Parameters.AddWithValue("id", SchemaLockId(options.Value.TablePrefix));
                    await take.ExecuteNonQueryAsync(cancellationToken);
                }

                try
                {
                    scheduler = await schedulers.GetScheduler(cancellationToken);
                    await scheduler.Start(cancellationToken);
                }
                finally
                {
                    await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@id);", connection);
                    release.Parameters.AddWithValue("id", SchemaLockId(options.Value.TablePrefix));
                    await release.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
            else
            {
                scheduler = await schedulers.GetScheduler(cancellationToken);
                await scheduler.Start(cancellationToken);
            }

            // A line for the stores that last, as the bot state's start-up check writes; the memory store is for tests.
            if (storage.Value.ProviderKind == StorageProvider.Memory)
            {
                LogStartedInMemory(logger);
            }
            else
            {
                LogStarted(logger, storage.Value.ProviderKind.ToString(), scheduler.SchedulerInstanceId);
            }

            _started.TrySetResult(scheduler);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _started.TrySetCanceled(cancellationToken);
        }
        catch (Exception exception)
        {
            _started.TrySetException(exception);
            LogStartFailed(logger, storage.Value.ProviderKind.ToString(), options.Value.TablePrefix, exception.GetType().Name, exception.Message);
            // A supervisor sees a failed start, as it did when the failure stopped the start itself.
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start not yet run or under way is cancelled and waited for, so no scheduler is left running after the bot stops.
        await _stopping.CancelAsync();
        await _starting.WaitAsync(cancellationToken);
        if (_started.Task.IsCompletedSuccessfully)
        {
            try
            {
                await _started.Task.Result.Shutdown(waitForJobsToComplete: true, cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                // Quartz's cluster manager resolves the scheduler from the container while shutting down, and the host
                // may already be tearing that container down. Jobs and triggers are in the store; nothing is lost.
                LogStoppedLate(logger);
            }
        }
    }

    /// <summary>Job names carry no user id in clear: a hash of channel and user.</summary>
    private static string Hash(string channelId, string userId)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + userId)))[..40].ToLowerInvariant();

    private static long SchemaLockId(string prefix) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("FootDrop.Bot.Reminders/" + prefix)));

    [LoggerMessage(Level = LogLevel.Critical, Message = "The reminder scheduler could not start on the {Provider} store (tables '{TablePrefix}*'), so the bot stops ({ExceptionType}: {Error})")]
    private static partial void LogStartFailed(ILogger logger, string provider, string tablePrefix, string exceptionType, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The reminder scheduler stopped after the app's services were disposed; its jobs stay in the store")]
    private static partial void LogStoppedLate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are scheduled on the {Provider} store (scheduler instance {InstanceId})")]
    private static partial void LogStarted(ILogger logger, string provider, string instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminders are scheduled in memory (lost on restart)")]
    private static partial void LogStartedInMemory(ILogger logger);
}

/// <summary>Fires one user's reminder: the delivery decides what, if anything, to send.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderDelivery delivery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        await delivery.DeliverAsync(
            new ReminderFiring(
                data.GetString(ReminderScheduler.ChannelKey) ?? string.Empty,
                data.GetString(ReminderScheduler.UserKey) ?? string.Empty,
                data.GetString(ReminderScheduler.VersionKey) ?? string.Empty,
                context.ScheduledFireTimeUtc ?? context.FireTimeUtc),
            cancellationToken);
    }
}

/// <summary>One firing of a user's reminder.</summary>
public sealed record ReminderFiring(string ChannelId, string UserId, string Version, DateTimeOffset ScheduledUtc);
