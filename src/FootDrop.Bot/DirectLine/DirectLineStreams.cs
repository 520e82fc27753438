using System.Net.WebSockets;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// Direct Line 3.0's stream: a WebSocket on which the page receives each ActivitySet as soon as it is appended, on
/// whichever instance (see <see cref="DirectLineSignals"/>), instead of polling once a second. Receive-only, as in
/// Direct Line: the page still posts over HTTP, and the empty messages Web Chat sends to keep the socket alive are
/// read and dropped. A socket ends when its conversation does, or when the instance stops (the page then reconnects,
/// to any instance, from its watermark, so nothing is lost).
/// </summary>
public sealed partial class DirectLineStreams(
    DirectLineConversations conversations,
    DirectLineSignals signals,
    DirectLineTokens tokens,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreams> logger)
{
    /// <summary>Sockets one conversation may hold open on one instance: the page in a few tabs, and no more.</summary>
    public const int MaxPerConversation = 4;

    /// <summary>
    /// How often an idle socket looks at the store anyway, in case a wake-up was lost (a dropped listening connection):
    /// the worst a lost signal can do is delay an activity by this much.
    /// </summary>
    public static readonly TimeSpan SafetyInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Sockets open on this instance.</summary>
    public int Open
    {
        get
        {
            lock (_open)
            {
                return _open.Values.Sum();
            }
        }
    }

    public async Task HandleAsync(HttpContext http, string conversationId, string? watermark, string? ticket)
    {
        var grant = tokens.ValidateStreamTicket(ticket);
        if (grant is null || !string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal))
        {
            await Results.Problem("The stream URL is invalid or expired; reconnect to get a new one.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem("This is a Direct Line stream: open it as a WebSocket.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        if (await conversations.FindAsync(conversationId, http.RequestAborted) is null)
        {
            await Results.Problem("No such conversation, or it expired.", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }

        if (!TryReserve(conversationId))
        {
            await Results.Problem("Too many open streams for this conversation.", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return;
        }

        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await StreamAsync(socket, conversationId, DirectLineEndpoints.ParseWatermark(watermark), http.RequestAborted);
        }
        finally
        {
            Release(conversationId);
        }
    }

    private async Task StreamAsync(WebSocket socket, string conversationId, long? watermark, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        using var watch = signals.Start(conversationId);
        var receiving = DrainAsync(socket, stop);
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                // Taken before the read: news arriving while reading wakes the next wait.
                var news = watch.Next();
                var page = await conversations.ReadAsync(conversationId, watermark, stop.Token);
                if (page is null)
                {
                    // Gone idle (or expired everywhere): Web Chat's reconnect then hears 404 and ends the conversation.
                    break;
                }

                if (page.Activities.Count > 0)
                {
                    await socket.SendAsync(ActivitySet.ToUtf8(page), WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                }

                watermark = page.Watermark;
                await Task.WhenAny(news, Task.Delay(SafetyInterval, stop.Token));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page left, or this instance is stopping.
        }
        catch (WebSocketException)
        {
            // The page went away without closing.
        }
        catch (Exception exception)
        {
            // A store briefly unreachable: close, and Web Chat reconnects (perhaps elsewhere) from its watermark.
            LogStreamFailed(logger, exception.GetType().FullName);
            closeStatus = WebSocketCloseStatus.InternalServerError;
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            closeStatus = WebSocketCloseStatus.EndpointUnavailable;
        }

        await CloseAsync(socket, closeStatus);
        try
        {
            // The page answers the close; one that does not is cut off.
            await receiving.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            socket.Abort();
        }
    }

    /// <summary>
    /// Reads and drops what the page sends (keep-alive messages) until it closes; then stops the stream. Never
    /// cancelled: cancelling a receive aborts the socket, and a stopping instance must close it properly instead, so
    /// the page knows to reconnect.
    /// </summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Closed or gone either way.
        }

        try
        {
            await stop.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The stream had ended already (a page that never answered the close).
        }
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, null, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The page is gone already.
        }
    }

    private bool TryReserve(string conversationId)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(conversationId);
            if (open >= MaxPerConversation)
            {
                return false;
            }

            _open[conversationId] = open + 1;
            return true;
        }
    }

    private void Release(string conversationId)
    {
        lock (_open)
        {
            if (--_open[conversationId] == 0)
            {
                _open.Remove(conversationId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A web chat stream closed after a failure: {ExceptionType}")]
    private static partial void LogStreamFailed(ILogger logger, string? exceptionType);
}
