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

    /// <summary>What the page may send with its token request; more is not a token request.</summary>
    private const int MaxRequestBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webchat/config", (IOptions<WebChatOptions> options) => Results.Json(new
        {
            mode = options.Value.Mode,
            tokenUrl = "/api/webchat/token",
            directLineDomain = options.Value.Mode == "BuiltIn" ? null : new Uri(new Uri(options.Value.DirectLineBaseUrl), "v3/directline").ToString(),
            webSocket = options.Value.WebSocket,
        })).RequireCors(DirectLineEndpoints.CorsPolicy);
        app.MapPost("/api/webchat/token", IssueTokenAsync).RequireCors(DirectLineEndpoints.CorsPolicy).RequireRateLimiting(DirectLineRateLimits.Tokens);
        return app;
    }

    /// <summary>
    /// The page's token, for the user its identity names (a new user when it has none, or one that is forged or
    /// expired). In BuiltIn mode a page that kept its conversation gets it back while that conversation's token is still
    /// valid, so a reload shows the history and the next step; otherwise a new conversation, with <c>ended</c> telling
    /// the page to say so.
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(HttpRequest request, IOptions<WebChatOptions> options, DirectLineTokens tokens, DirectLineConversations conversations, WebIdentity identities, IHttpClientFactory httpClients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var asked = await ReadTokenRequestAsync(request, cancellationToken);
        if (asked is null)
        {
            return Results.Problem("The token request is not a JSON object of at most 8 KB.", statusCode: StatusCodes.Status400BadRequest);
        }

        var identity = identities.Renew(asked.Identity) ?? identities.CreateNew();
        var settings = options.Value;
        if (settings.Mode != "BuiltIn")
        {
            await identities.MarkSeenAsync(identity.UserId, cancellationToken);
            return await ExchangeSecretAsync(settings, identity, httpClients, loggers.CreateLogger(typeof(WebChatEndpoints).FullName!), cancellationToken);
        }

        var ended = false;
        if (asked.ConversationId is not null)
        {
            var grant = tokens.Validate(asked.ConversationToken);
            var conversation = grant is not null && grant.ConversationId == asked.ConversationId && grant.UserId == identity.UserId
                ? await conversations.FindAsync(grant.ConversationId, cancellationToken)
                : null;
            if (conversation is { Erased: false })
            {
                await identities.MarkSeenAsync(identity.UserId, cancellationToken);
                return Answer(conversation.ConversationId, identity, tokens, resumed: true, ended: false);
            }

            if (conversation is { Erased: true })
            {
                // The user deleted their data there; a page that did not hear it must not keep their identity either.
                identity = identities.CreateNew();
            }

            ended = true;
        }

        // Refused here already, so the page can say the chat is busy instead of failing to connect.
        if (await conversations.IsFullAsync(cancellationToken))
        {
            return await DirectLineEndpoints.FullAsync(conversations, cancellationToken);
        }

        await identities.MarkSeenAsync(identity.UserId, cancellationToken);
        var conversationId = "dl-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        return Answer(conversationId, identity, tokens, resumed: false, ended);
    }

    /// <summary>What the page sends: its identity, and the conversation it had with that conversation's last token.</summary>
    private sealed record TokenRequest(string? Identity, string? ConversationId, string? ConversationToken);

    /// <summary>What the page gets: <c>identity</c> to keep; <c>resumed</c>, reconnect to the conversation; <c>ended</c>, the one it had is over.</summary>
    private static IResult Answer(string conversationId, WebIdentityGrant identity, DirectLineTokens tokens, bool resumed, bool ended)
        => Results.Json(new
        {
            conversationId,
            userId = identity.UserId,
            token = tokens.Issue(conversationId, identity.UserId),
            expires_in = tokens.LifetimeSeconds,
            identity = identity.Token,
            resumed,
            ended,
        });

    /// <summary>The page's request; an empty body is an empty request (a page from before identities); null when it is not one.</summary>
    private static async Task<TokenRequest?> ReadTokenRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return null;
        }

        var buffer = new byte[MaxRequestBytes + 1];
        var total = 0;
        int read;
        while (total <= MaxRequestBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        if (total > MaxRequestBytes)
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TokenRequest(null, null, null);
        }

        JObject body;
        try
        {
            if (JToken.Parse(text) is not JObject parsed)
            {
                return null;
            }

            body = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Text(JToken? token) => token is JValue { Type: JTokenType.String, Value: string value } && value.Length is > 0 and <= SignedText.MaxLength ? value : null;
        return new TokenRequest(Text(body["identity"]), Text(body["conversation"]?["conversationId"]), Text(body["conversation"]?["token"]));
    }

    /// <summary>
    /// Exchanges the Direct Line secret for a token at Azure, within <see cref="WebChatOptions.TokenExchangeTimeout"/>.
    /// Azure's answer is never passed on as it is: only a token and a conversation id read out of it, so nothing else it
    /// says (an error page, an echo of the request) reaches the browser. The secret appears only in the request's header.
    /// </summary>
    private static async Task<IResult> ExchangeSecretAsync(WebChatOptions settings, WebIdentityGrant identity, IHttpClientFactory httpClients, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.DirectLineSecret))
        {
            return Results.Problem("WebChat:DirectLineSecret is not set.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Azure binds the token to the web identity's user id: progress follows the person, and nobody else can post as them.
        var userId = identity.UserId;
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

            return Results.Json(new { conversationId = answer.ConversationId, userId, token = answer.Token, expires_in = answer.ExpiresIn, identity = identity.Token, resumed = false, ended = false });
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

    private sealed record AzureTokenAnswer(string Token, string ConversationId, int? ExpiresIn);

    /// <summary>The token and conversation id of a Direct Line token answer; null for anything else.</summary>
    private static AzureTokenAnswer? ReadToken(string? body)
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
        return new AzureTokenAnswer(token, conversationId, expiresIn);
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
