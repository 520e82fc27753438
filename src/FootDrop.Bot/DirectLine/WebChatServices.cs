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
        services.AddSingleton<WebChatKeys>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<WebIdentity>();
        services.AddSingleton<IDirectLineStore>(CreateStore);
        services.AddSingleton<DirectLineSignals>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddHostedService<WebChatStartup>();
        services.AddHostedService<DirectLineHousekeeping>();
        services.AddSingleton<PostgresDirectLineListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresDirectLineListener>());
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

    /// <summary>The built-in Direct Line keeps its conversations where the bot state is: the same SQLite file or PostgreSQL database, or memory.</summary>
    private static IDirectLineStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WebChatOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        return services.GetRequiredService<Microsoft.Bot.Builder.IStorage>() switch
        {
            SqliteStorage sqlite => new SqliteDirectLineStore(sqlite, options, time),
            PostgresStorage postgres => new PostgresDirectLineStore(postgres, options, time),
            _ => new MemoryDirectLineStore(options, time),
        };
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

        // Pings keep proxies from closing a quiet chat's stream; Web Chat sends its own empty messages too.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
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

        // Shorter keys make forging a token or an identity a matter of guessing the key.
        if (!string.IsNullOrEmpty(options.TokenSigningKey) && options.TokenSigningKey.Trim().Length < 32)
        {
            failures.Add("WebChat:TokenSigningKey must be at least 32 characters (for example 32 random bytes in base64), or empty to keep a generated one in the database.");
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
