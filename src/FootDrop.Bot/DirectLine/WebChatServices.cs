using FootDrop.Bot.Proactive;
using FootDrop.Bot.Storage;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

public static class WebChatServices
{
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<IProactiveRoute>(sp => sp.GetRequiredService<DirectLineAdapter>());
        services.AddSingleton<IUserDataStore, DirectLineTranscriptEraser>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<WebChatOptions>>((cors, webChat) => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy =>
            {
                // Same origin needs no CORS; other sites (a clinic's own pages) only when listed.
                policy.WithOrigins(webChat.Value.AllowedOrigins).AllowAnyHeader().WithMethods("GET", "POST");
            }));
        return services;
    }

    public static WebApplication UseWebChat(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.MapDirectLine();
        app.MapWebChat();
        return app;
    }
}

internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
        => options.Mode == "AzureDirectLine" && string.IsNullOrWhiteSpace(options.DirectLineSecret)
            ? ValidateOptionsResult.Fail("WebChat:Mode is AzureDirectLine but WebChat:DirectLineSecret is empty.")
            : ValidateOptionsResult.Success;
}
