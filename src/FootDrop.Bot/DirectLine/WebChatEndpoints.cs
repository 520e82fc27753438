using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// What the web page asks the bot for: its settings, and a Direct Line token. In AzureDirectLine mode the token is
/// exchanged for the secret here, server-side, so the secret never reaches a browser.
/// </summary>
public static partial class WebChatEndpoints
{
    /// <summary>Azure's answer is a few hundred bytes; a longer one is not a token answer.</summary>
    private const int MaxAnswerBytes = 64 * 1024;

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

        return await ExchangeSecretAsync(settings, httpClients, loggers.CreateLogger(typeof(WebChatEndpoints).FullName!), cancellationToken);
    }

    /// <summary>
    /// Exchanges the Direct Line secret for a token at Azure, within <see cref="WebChatOptions.TokenExchangeTimeout"/>.
    /// Azure's answer is never passed on as it is: only a token and a conversation id read out of it, so nothing else it
    /// says (an error page, an echo of the request) reaches the browser. The secret appears only in the request's header.
    /// </summary>
    private static async Task<IResult> ExchangeSecretAsync(WebChatOptions settings, IHttpClientFactory httpClients, ILogger logger, CancellationToken cancellationToken)
    {
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

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.TokenExchangeTimeout);
        try
        {
            using var response = await httpClients.CreateClient("directline").SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogExchangeRefused(logger, (int)response.StatusCode);
                return BadGateway($"The chat service did not issue a token (it answered {(int)response.StatusCode}). Please try again later.");
            }

            var body = await ReadAnswerAsync(response.Content, timeout.Token);
            if (ReadToken(body) is not { } answer)
            {
                LogExchangeMalformed(logger, body?.Length ?? -1);
                return BadGateway("The chat service answered with something that is not a Direct Line token. Please try again later.");
            }

            return Results.Json(new { conversationId = answer.ConversationId, userId, token = answer.Token, expires_in = answer.ExpiresIn });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogExchangeTimedOut(logger, settings.TokenExchangeTimeout.TotalSeconds);
            return Results.Problem(
                $"The chat service did not answer within {settings.TokenExchangeTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s. Please try again later.",
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "The chat service did not answer in time");
        }
        catch (HttpRequestException exception)
        {
            LogExchangeError(logger, exception.GetType().FullName, exception.HttpRequestError);
            return BadGateway("The chat service could not be reached. Please try again later.");
        }
    }

    private static async Task<string?> ReadAnswerAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswerBytes + 1];
        var total = 0;
        int read;
        while (total <= MaxAnswerBytes && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxAnswerBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    private sealed record TokenAnswer(string Token, string ConversationId, int? ExpiresIn);

    /// <summary>The token and conversation id of a Direct Line token answer; null for anything else.</summary>
    private static TokenAnswer? ReadToken(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        JToken parsed;
        try
        {
            parsed = JToken.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (parsed is not JObject answer
            || answer["token"] is not JValue { Type: JTokenType.String, Value: string token } || string.IsNullOrWhiteSpace(token)
            || answer["conversationId"] is not JValue { Type: JTokenType.String, Value: string conversationId } || string.IsNullOrWhiteSpace(conversationId))
        {
            return null;
        }

        int? expiresIn = answer["expires_in"] is JValue { Type: JTokenType.Integer } expires && expires.Value<long>() is > 0 and <= int.MaxValue
            ? (int)expires.Value<long>()
            : null;
        return new TokenAnswer(token, conversationId, expiresIn);
    }

    private static IResult BadGateway(string detail)
        => Results.Problem(detail, statusCode: StatusCodes.Status502BadGateway, title: "The chat service did not issue a token");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line refused the token exchange with status {StatusCode}")]
    private static partial void LogExchangeRefused(ILogger logger, int statusCode);

    // Only the length: whatever the answer says stays out of the logs, as it stays out of responses.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line answered the token exchange with something that is not a token ({Length} characters; -1 when over 64 KB)")]
    private static partial void LogExchangeMalformed(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line did not answer the token exchange within {Seconds} seconds")]
    private static partial void LogExchangeTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Direct Line token exchange failed: {ExceptionType} ({Error})")]
    private static partial void LogExchangeError(ILogger logger, string? exceptionType, HttpRequestError error);
}
