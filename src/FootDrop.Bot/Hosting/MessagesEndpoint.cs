using System.Buffers;
using System.Text;
using FootDrop.Bot.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint. It checks what it is given before the SDK sees it,
/// so a bad request gets a clear 4xx instead of the stock adapter's 500.
/// </summary>
public static partial class MessagesEndpoint
{
    /// <summary>The largest activity accepted, the same limit Direct Line applies.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    internal static readonly JsonSerializerSettings SerializerSettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    public static async Task HandleAsync(
        HttpContext http,
        AdapterWithErrorHandler adapter,
        IBot bot,
        MessagesAccess access,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(MessagesEndpoint).FullName!);
        var request = http.Request;

        if (access.Mode == MessagesAccessMode.Refused)
        {
            // Before the body is read: nothing a stranger sends is looked at, let alone replied to.
            LogRefused(logger);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, MessagesAccess.RefusedDetail, "Bot Framework credentials are not configured");
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await WriteProblemAsync(http, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes / 1024} KB.");
            return;
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            await WriteProblemAsync(http, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes / 1024} KB.");
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(body, SerializerSettings);
        }
        catch (JsonException)
        {
            activity = null;
        }

        var problem = activity is null ? "The body is not a JSON activity." : FindProblem(activity);
        if (problem is not null)
        {
            LogRejected(logger, problem);
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, problem);
            return;
        }

        if (!access.AllowsServiceUrl(activity!.ServiceUrl))
        {
            LogServiceUrlRefused(logger, LogValues.Token(activity.ChannelId));
            await WriteProblemAsync(http, StatusCodes.Status403Forbidden, "The activity's serviceUrl is not on Bot:AllowedServiceUrls (loopback only when the list is empty), so the bot will not send replies there.");
            return;
        }

        InvokeResponse? response;
        try
        {
            response = await adapter.ProcessIncomingAsync(request.Headers.Authorization, activity, bot, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            LogUnauthorized(logger, LogValues.Token(activity.ChannelId));
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, "The request has no valid Bot Framework token.");
            return;
        }

        if (response is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(JsonConvert.SerializeObject(response.Body, SerializerSettings), cancellationToken);
        }
    }

    private static string? FindProblem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation id.";
        }

        // The SDK builds a connector client for every turn, expectReplies included, so a serviceUrl is always needed.
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "The activity has no serviceUrl to reply to.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return "The activity's serviceUrl is not an absolute URL.";
        }

        // Replies are HTTP calls; any other scheme would only fail the turn after the bot has run.
        if (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps)
        {
            return "The activity's serviceUrl is not an http or https URL.";
        }

        return null;
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer (chunked bodies carry no length).</summary>
    internal static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Sized to the declared length (one byte more shows a body longer than declared), growing only for bodies
        // without one: most activities are a few KB, and a pooled buffer rented at the maximum for each would keep
        // 512 KB arrays in the shared pool.
        var size = request.ContentLength is { } declared and <= MaxBodyBytes ? (int)declared + 1 : 16 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > MaxBodyBytes)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, MaxBodyBytes + 1) - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > MaxBodyBytes)
                {
                    return null;
                }
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string detail, string? title = null)
        => Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(http);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected an activity: {Problem}")]
    private static partial void LogRejected(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an unauthenticated activity from channel {ChannelId}")]
    private static partial void LogUnauthorized(ILogger logger, string channelId);

    // Debug: every stranger's request would otherwise write a line; the start-up warning already says why.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a request: no Bot Framework credentials are configured outside Development")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an anonymous activity from channel {ChannelId}: its serviceUrl is not on Bot:AllowedServiceUrls")]
    private static partial void LogServiceUrlRefused(ILogger logger, string channelId);
}
