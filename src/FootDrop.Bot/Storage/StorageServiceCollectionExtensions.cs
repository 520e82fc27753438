using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IStorage"/> chosen by the <c>Storage</c> settings (validated at start, with a check that
    /// the database is reachable), the idle conversation expiry and <see cref="IUserDataEraser"/>.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStorage>(CreateStorage);

        services.AddHostedService<StorageStartupCheck>();
        services.AddSingleton<ConversationStateExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationStateExpiryService>());

        services.TryAddSingleton<IUserDataEraser, UserDataEraser>();
        return services;
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        return options.ProviderKind switch
        {
            StorageProvider.Sqlite => SqliteStorage.InDirectory(options.DataDirectory, time),
            StorageProvider.Postgres => new PostgresStorage(options.ConnectionString!, time),
            _ => new MemoryStorage(),
        };
    }
}
