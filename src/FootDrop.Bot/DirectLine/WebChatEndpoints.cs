using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// What the web page asks the bot for: its settings, and a Direct Line token. In AzureDirectLine mode the token is
/// exchanged for the secret here, server-side, so the secret never reaches a browser.
/// </summary>
public static partial class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webchat/config", (IOptions<WebChatOptions> options) => Results.Json(new
        {
            mode = options.Value.Mode,
            tokenUrl = "/api/webchat/token",
            directLineDomain = options.Value.Mode == "BuiltIn" ? null : new Uri(new Uri(options.Value.DirectLineBaseUrl), "v3/directline").ToString(),
        })).RequireCors(DirectLineEndpoints.CorsPolicy);
        app.MapPost("/api/webchat/token", IssueTokenAsync).RequireCors(DirectLineEndpoints.CorsPolicy).RequireRateLimiting(DirectLineRateLimits.Tokens);
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(IOptions<WebChatOptions> options, DirectLineTokens tokens, DirectLineConversations conversations, IHttpClientFactory httpClients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode == "BuiltIn")
        {
            return DirectLineEndpoints.IssueNewConversation(tokens, conversations);
        }

        if (string.IsNullOrWhiteSpace(settings.DirectLineSecret))
        {
            return Results.Problem("WebChat:DirectLineSecret is not set.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Azure binds the token to this user id, so one person cannot read another's conversation.
        var userId = "user-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.DirectLineBaseUrl), "v3/directline/tokens/generate"))
        {
            Content = new StringContent(new JObject { ["user"] = new JObject { ["id"] = userId } }.ToString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.DirectLineSecret);

        try
        {
            using var response = await httpClients.CreateClient("directline").SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogExchangeFailed(loggers.CreateLogger(typeof(WebChatEndpoints).FullName!), (int)response.StatusCode);
                return Results.Problem("The chat service could not be reached. Please try again later.", statusCode: StatusCodes.Status502BadGateway);
            }

            var body = JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return Results.Json(new
            {
                conversationId = body.Value<string>("conversationId"),
                userId,
                token = body.Value<string>("token"),
                expires_in = body.Value<int?>("expires_in"),
            });
        }
        catch (HttpRequestException exception)
        {
            LogExchangeError(loggers.CreateLogger(typeof(WebChatEndpoints).FullName!), exception.GetType().FullName);
            return Results.Problem("The chat service could not be reached. Please try again later.", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line refused the token exchange with status {StatusCode}")]
    private static partial void LogExchangeFailed(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Direct Line token exchange failed: {ExceptionType}")]
    private static partial void LogExchangeError(ILogger logger, string? exceptionType);
}
