using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// What Web Chat does with a <c>streamUrl</c>: opens the WebSocket and takes each ActivitySet it is sent, noting when
/// each activity arrived. The test reads the activities in order, waiting for the one it expects.
/// </summary>
public sealed class DirectLineStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<(JObject Activity, DateTimeOffset Received)> _activities = Channel.CreateUnbounded<(JObject, DateTimeOffset)>();
    private readonly List<JObject> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    /// <summary>The close status the bot sent, once it closed the socket.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Completes when the socket has closed, from either side.</summary>
    public Task Closed => _receiving;

    /// <summary>The watermark of the last ActivitySet received.</summary>
    public string? Watermark { get; private set; }

    /// <summary>Every activity taken so far by <see cref="NextAsync"/> and the waits, in order.</summary>
    public IReadOnlyList<JObject> Seen => _seen;

    public static async Task<DirectLineStream> OpenAsync(string streamUrl)
    {
        var stream = new DirectLineStream();
        await stream._socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        stream._receiving = stream.ReceiveAsync();
        return stream;
    }

    /// <summary>The next activity, or a failure after <paramref name="timeout"/> (15 s).</summary>
    public async Task<JObject> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            var (activity, _) = await _activities.Reader.ReadAsync(wait.Token);
            _seen.Add(activity);
            return activity;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No activity arrived on the stream in time; seen so far: " + string.Join(" | ", _seen.Select(Describe)));
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The stream closed ({CloseStatus}); seen so far: " + string.Join(" | ", _seen.Select(Describe)));
        }
    }

    /// <summary>Takes activities until a bot message containing <paramref name="fragment"/>; returns it and when it arrived.</summary>
    public async Task<(JObject Activity, DateTimeOffset Received)> WaitForBotMessageAsync(string fragment, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No bot message containing \"{fragment}\" arrived on the stream; seen: " + string.Join(" | ", _seen.Select(Describe)));
            }

            using var wait = new CancellationTokenSource(left);
            (JObject Activity, DateTimeOffset Received) next;
            try
            {
                next = await _activities.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                continue;
            }

            _seen.Add(next.Activity);
            if (IsBotMessage(next.Activity) && (next.Activity.Value<string>("text") ?? string.Empty).Contains(fragment, StringComparison.Ordinal))
            {
                return next;
            }
        }
    }

    /// <summary>What has arrived and not been taken yet, without waiting.</summary>
    public IReadOnlyList<JObject> Drain()
    {
        var drained = new List<JObject>();
        while (_activities.Reader.TryRead(out var item))
        {
            _seen.Add(item.Activity);
            drained.Add(item.Activity);
        }

        return drained;
    }

    /// <summary>Sends what Web Chat sends every 20 seconds to keep the socket alive: an empty text message.</summary>
    public Task PingAsync() => _socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).AsTask();

    public static bool IsBotMessage(JObject activity)
        => activity.Value<string>("type") == "message" && activity["from"]?.Value<string>("role") == "bot";

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The bot is gone already.
            }
        }

        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }

    private static string Describe(JObject activity)
        => $"{activity.Value<string>("type")} from {activity["from"]?.Value<string>("role")}: {activity.Value<string>("text") ?? activity.Value<string>("name")}";

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = received.CloseStatus;
                    break;
                }

                var arrived = DateTimeOffset.UtcNow;
                if (message.Length == 0)
                {
                    continue;
                }

                var set = JObject.Parse(Encoding.UTF8.GetString(message.ToArray()));
                Watermark = set.Value<string>("watermark");
                foreach (var activity in ((JArray)set["activities"]!).Cast<JObject>())
                {
                    await _activities.Writer.WriteAsync((activity, arrived));
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Closed without a close message: the bot's process went away, or the test is done.
        }
        finally
        {
            _activities.Writer.TryComplete();
        }
    }
}
