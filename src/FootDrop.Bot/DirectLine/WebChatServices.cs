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
        services.AddSingleton<WebChatSecurityHeaders>();
        services.AddSingleton<IProactiveRoute>(sp => sp.GetRequiredService<DirectLineAdapter>());
        services.AddSingleton<IUserDataStore, DirectLineTranscriptEraser>();
        services.AddDirectLineRateLimits();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<WebChatOptions>>((cors, webChat) => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy =>
            {
                // Same origin needs no CORS; other sites (a clinic's own pages) only when listed.
                policy.WithOrigins([.. webChat.Value.AllowedOrigins.Select(o => WebChatOrigins.Normalize(o)!)]).AllowAnyHeader().WithMethods("GET", "POST");
            }));
        return services;
    }

    public static WebApplication UseWebChat(this WebApplication app)
    {
        var securityHeaders = app.Services.GetRequiredService<WebChatSecurityHeaders>();
        app.Use((context, next) =>
        {
            securityHeaders.AddTo(context.Response);
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseRateLimiter();
        app.MapDirectLine();
        app.MapWebChat();
        return app;
    }
}

internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == "AzureDirectLine" && string.IsNullOrWhiteSpace(options.DirectLineSecret))
        {
            failures.Add("WebChat:Mode is AzureDirectLine but WebChat:DirectLineSecret is empty.");
        }

        // Each origin goes into the Content-Security-Policy header, so nothing but an origin may pass.
        foreach (var origin in options.AllowedOrigins)
        {
            if (WebChatOrigins.Normalize(origin) is null)
            {
                failures.Add($"WebChat:AllowedOrigins has '{origin}', which is not an origin such as https://www.example-clinic.org (scheme, host and port only).");
            }
        }

        if (options.RateLimitWindow < TimeSpan.FromSeconds(1) || options.RateLimitWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"WebChat:RateLimitWindow must be between 00:00:01 and 01:00:00, not {options.RateLimitWindow}.");
        }

        if (options.TokenExchangeTimeout < TimeSpan.FromSeconds(1) || options.TokenExchangeTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"WebChat:TokenExchangeTimeout must be between 00:00:01 and 00:01:00, not {options.TokenExchangeTimeout}.");
        }

        if (options.ConversationIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"WebChat:ConversationIdleTimeout must be positive, not {options.ConversationIdleTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Origins as browsers send them in <c>Origin</c> and match them in <c>frame-ancestors</c>.</summary>
public static class WebChatOrigins
{
    /// <summary><c>scheme://host[:port]</c> for an http(s) origin without path, query or user info; null for anything else.</summary>
    public static string? Normalize(string? origin)
    {
        var text = origin?.Trim().TrimEnd('/');
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        // Browsers send international names in their ASCII form.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        var normalized = uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        return normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '/' or '[' or ']') ? normalized : null;
    }
}
