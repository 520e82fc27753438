using FootDrop.Bot.Adapters;
using FootDrop.Bot.Bot;
using FootDrop.Bot.Concurrency;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Hosting;

public static partial class BotHostingExtensions
{
    public static WebApplicationBuilder AddBotServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<BotCredentialsOptions>()
            .Bind(builder.Configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>();

        services.AddHttpClient();

        // The factory's default handlers log every outgoing request with its URL, which names the conversation and the
        // activity replied to; connector calls are the bot's busiest path and their failures surface in the turn's own log.
        services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        services.AddHealthChecks();

        services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorClientCache(sp.GetRequiredService<ConfigurationBotFrameworkAuthentication>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        services.AddBotStorage(builder.Configuration);
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        services.AddConversation(builder.Configuration);
        services.AddWebChat();
        services.AddTurnSafeBot<FootDropBot>();

        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.UseWebChat();
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapHealthChecks("/healthz");

        WarnWhenAnonymousOutsideDevelopment(app);
        return app;
    }

    private static void WarnWhenAnonymousOutsideDevelopment(WebApplication app)
    {
        var credentials = app.Services.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;
        if (credentials.IsAnonymous && !app.Environment.IsDevelopment())
        {
            LogAnonymous(app.Logger, app.Environment.EnvironmentName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MicrosoftAppId is configured in the {Environment} environment: /api/messages accepts unauthenticated requests. Set the Azure Bot registration's credentials before exposing the bot.")]
    private static partial void LogAnonymous(ILogger logger, string environment);
}
