using FootDrop.Bot.Adapters;
using FootDrop.Bot.Bot;
using FootDrop.Bot.Concurrency;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Reminders;
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
        services.AddOptions<BotAccessOptions>()
            .BindConfiguration(BotAccessOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAccessOptions>, BotAccessOptionsValidator>();
        services.AddSingleton<MessagesAccess>();

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
        services.AddSingleton<TurnErrorPolicy>();

        services.AddConversation(builder.Configuration);
        services.AddReminders(builder.Configuration);
        services.AddWebChat();
        services.AddTurnSafeBot<FootDropBot>();

        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.UseWebChat();
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapReminders();
        app.MapHealthChecks("/healthz");

        SayHowMessagesAreServed(app);
        return app;
    }

    private static void SayHowMessagesAreServed(WebApplication app)
    {
        switch (app.Services.GetRequiredService<MessagesAccess>().Mode)
        {
            case MessagesAccessMode.Refused:
                LogRefusing(app.Logger, app.Environment.EnvironmentName);
                break;
            case MessagesAccessMode.AnonymousAllowList:
                LogAnonymousAllowList(app.Logger, app.Environment.EnvironmentName);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MicrosoftAppId is configured in the {Environment} environment: /api/messages refuses every request (401). The web chat page works without credentials. For Teams or Azure channels set the Azure Bot registration's credentials; on a private machine, Bot:AllowAnonymous=true allows anonymous use.")]
    private static partial void LogRefusing(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AllowAnonymous is set in the {Environment} environment: /api/messages accepts unauthenticated activities whose serviceUrl is on Bot:AllowedServiceUrls (loopback when empty). Use this only on a private machine.")]
    private static partial void LogAnonymousAllowList(ILogger logger, string environment);
}
