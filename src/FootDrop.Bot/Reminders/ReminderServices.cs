using FootDrop.Bot.Hosting;
using FootDrop.Bot.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace FootDrop.Bot.Reminders;

public static class ReminderServices
{
    /// <summary>
    /// The reminders: their dialog and language, the Quartz scheduler on the bot's own database (the store follows
    /// <c>Storage:Provider</c>), delivery, the calendar file, and their part in "delete my data".
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddHttpContextAccessor();

        services.AddSingleton<ReminderLanguage>();
        services.AddHostedService<ReminderWarmup>();
        services.AddSingleton<ReminderAccessor>();
        services.AddSingleton<ReminderConversation>();
        services.AddSingleton<ReminderDialog>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<CalendarFile>();
        services.AddSingleton<CalendarLinks>();
        services.AddSingleton<ReminderUserData>();
        services.AddSingleton<IUserDataStore>(sp => sp.GetRequiredService<ReminderUserData>());
        services.AddSingleton<IExpiredUserDataStore>(sp => sp.GetRequiredService<ReminderUserData>());

        // The store is chosen when the services are composed, from the same settings as the bot state's.
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        var provider = Enum.TryParse<StorageProvider>(storage.Provider?.Trim(), ignoreCase: true, out var kind) ? kind : StorageProvider.Memory;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = ReminderScheduler.SchedulerName;

                // Clustered instances need ids of their own; the machine name alone repeats in containers.
                if (provider == StorageProvider.Postgres)
                {
                    scheduler.InstanceId = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
                }
            });
            quartz.UseDefaultThreadPool(4);
            switch (provider)
            {
                case StorageProvider.Postgres:
                    quartz.UsePersistentStore(store =>
                    {
                        store.UsePostgres(storage.ConnectionString ?? string.Empty);
                        store.UseClustering(cluster => cluster.CheckinInterval = reminders.ClusterCheckinInterval);
                        StoreSettings(store, reminders);
                    });
                    break;
                case StorageProvider.Sqlite when !string.IsNullOrWhiteSpace(storage.DataDirectory):
                    quartz.UsePersistentStore(store =>
                    {
                        store.UseSqlite($"Data Source={Path.Combine(Path.GetFullPath(storage.DataDirectory), SqliteStorage.DatabaseFileName)};Default Timeout=30");
                        StoreSettings(store, reminders);
                    });
                    break;
                default:
                    quartz.UseInMemoryStore();
                    break;
            }
        });

        // Started by its own hosted service (after the bot state's start-up check has created the database), which
        // lets instances on PostgreSQL take turns creating the scheduler's tables.
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }

    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarLinks.Path + "{token}", CalendarEndpoint.GetAsync);
        return app;
    }

    private static void StoreSettings(IPersistentStoreBuilder store, ReminderOptions reminders)
    {
        // The bot creates its tables at start-up, like the bot state's table; job data is plain strings (ids and a version).
        store.ProvisionSchema();
        store.ConfigureStore(settings =>
        {
            settings.TablePrefix = reminders.TablePrefix;
            settings.StoreJobDataAsStrings = true;
            settings.MisfireThreshold = reminders.SkipWhenLateBy;
        });
    }
}

/// <summary>
/// Builds the reminders' date and time recogniser and loads the time zones before anyone sets a reminder, among the
/// start-up work after the bot listens, so no user's turn pays for them.
/// </summary>
internal sealed class ReminderWarmup(IServiceProvider services, StartupWork work) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = work.Run(() =>
        {
            services.GetRequiredService<ReminderLanguage>().Warmup();
            ReminderTimes.Warmup();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
