using FootDrop.Bot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static FootDrop.Bot.Tests.Infrastructure.DirectLineClient;

namespace FootDrop.Bot.Tests.ScaleOut;

/// <summary>
/// A Web Chat page behind a load balancer without sticky sessions: every call may go to any instance. It keeps what
/// app.js keeps (identity, conversation, token), posts to whichever instance it is told, and receives on one stream,
/// which it reopens on another instance when its instance goes away, from its watermark, as Web Chat does.
/// </summary>
public sealed class WebChatPage : IAsyncDisposable
{
    private DirectLineStream? _stream;

    private WebChatPage(Grant grant, string identity)
    {
        Grant = grant;
        Identity = identity;
    }

    public Grant Grant { get; private set; }

    public string Identity { get; }

    public DirectLineStream Stream => _stream ?? throw new InvalidOperationException("The page has no stream open.");

    /// <summary>Loads the page: a token from <paramref name="tokenFrom"/>, the conversation started on <paramref name="startOn"/>, its stream opened there.</summary>
    public static async Task<WebChatPage> OpenAsync(BotApp tokenFrom, BotApp startOn)
    {
        var answer = await new DirectLineClient(tokenFrom.Http).LoadPageAsync(null);
        var page = new WebChatPage(answer.Grant, answer.Identity);
        page._stream = await DirectLineStream.OpenAsync(await new DirectLineClient(startOn.Http).StartStreamingAsync(answer.Grant));
        return page;
    }

    /// <summary>Posts a message to <paramref name="instance"/>; returns its id in the stream.</summary>
    public Task<string> SayAsync(BotApp instance, string text) => new DirectLineClient(instance.Http).SayAsync(Grant, text);

    /// <summary>Waits on the stream for the bot's message containing <paramref name="fragment"/>.</summary>
    public async Task<JObject> ExpectAsync(string fragment) => (await Stream.WaitForBotMessageAsync(fragment)).Activity;

    /// <summary>What a poll of <paramref name="instance"/> returns: the whole kept transcript.</summary>
    public Task<IReadOnlyList<JObject>> TranscriptAsync(BotApp instance) => new DirectLineClient(instance.Http).ActivitiesAsync(Grant);

    /// <summary>After the stream's instance went away: Web Chat's reconnect, on <paramref name="instance"/>, from the stream's watermark.</summary>
    public async Task ReconnectAsync(BotApp instance)
    {
        var (grant, streamUrl) = await new DirectLineClient(instance.Http).ReconnectAsync(Grant, _stream?.Watermark);
        Grant = grant;
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _stream = await DirectLineStream.OpenAsync(streamUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }
}
