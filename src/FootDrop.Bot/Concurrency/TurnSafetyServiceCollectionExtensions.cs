using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FootDrop.Bot.Concurrency;

public static class TurnSafetyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TBot"/> as the bot (transient, like the samples), wrapped so that turns of one
    /// conversation never lose each other's state updates. A later call replaces the bot, e.g. in tests.
    /// </summary>
    public static IServiceCollection AddTurnSafeBot<TBot>(this IServiceCollection services)
        where TBot : class, IBot
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SafeTurnRunner>();
        services.AddTransient<TBot>();
        services.AddTransient<IBot, TurnSafeBot<TBot>>();
        return services;
    }
}
