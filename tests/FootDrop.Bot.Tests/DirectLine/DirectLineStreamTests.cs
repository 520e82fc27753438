using System.Net;
using System.Net.WebSockets;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>
/// Direct Line 3.0's WebSocket stream, over real sockets on 127.0.0.1, as Web Chat uses it with <c>webSocket: true</c>:
/// the start and the reconnect give a <c>streamUrl</c>, and the page receives each activity as it is appended.
/// </summary>
public sealed class DirectLineStreamTests : IDisposable
{
    private readonly BotApp _bot = new();
    private readonly DirectLineClient _client;

    public DirectLineStreamTests()
    {
        _client = new DirectLineClient(_bot.Http);
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Starting_a_conversation_gives_a_stream_url_on_this_host_whose_first_message_is_the_welcome()
    {
        var (_, streamUrl) = await _client.StartNewWithStreamAsync();

        await using var stream = await DirectLineStream.OpenAsync(streamUrl);
        var welcome = await stream.NextAsync();

        Assert.StartsWith($"ws://{_bot.BaseAddress.Authority}/v3/directline/conversations/", streamUrl, StringComparison.Ordinal);
        Assert.StartsWith("Hi, I'm FootDrop.Bot", welcome.Value<string>("text"));
    }

    [Fact]
    public async Task A_posted_message_and_its_reply_arrive_on_the_stream_in_order()
    {
        var (grant, streamUrl) = await _client.StartNewWithStreamAsync();
        await using var stream = await DirectLineStream.OpenAsync(streamUrl);
        await stream.WaitForBotMessageAsync("Hi, I'm FootDrop.Bot");

        var id = await _client.SayAsync(grant, "what causes foot drop");
        var echo = await NextFromUserAsync(stream);
        var (reply, _) = await stream.WaitForBotMessageAsync("Common causes");

        Assert.Equal(id, echo.Value<string>("id"));
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
        Assert.Equal(id, reply.Value<string>("replyToId"));
    }

    [Fact]
    public async Task A_reconnect_gives_a_working_token_and_a_stream_that_starts_after_its_watermark()
    {
        var (grant, _) = await _client.StartNewWithStreamAsync();
        var watermark = (await _client.GetActivitiesAsync(grant)).Value<string>("watermark");
        await _client.SayAsync(grant, "what causes foot drop");

        var (fresh, streamUrl) = await _client.ReconnectAsync(grant, watermark);
        await using var stream = await DirectLineStream.OpenAsync(streamUrl);
        var first = await stream.NextAsync();

        Assert.Equal("what causes foot drop", first.Value<string>("text"));
        Assert.Equal(HttpStatusCode.OK, (await _client.PostMessageAsync(fresh, "help")).StatusCode);
    }

    [Fact]
    public async Task A_reconnect_without_a_watermark_streams_the_whole_kept_history()
    {
        var (grant, _) = await _client.StartNewWithStreamAsync();
        await _client.SayAsync(grant, "what causes foot drop");

        var (_, streamUrl) = await _client.ReconnectAsync(grant);
        await using var stream = await DirectLineStream.OpenAsync(streamUrl);

        Assert.StartsWith("Hi, I'm FootDrop.Bot", (await stream.NextAsync()).Value<string>("text"));
    }

    [Fact]
    public async Task Reconnecting_to_a_conversation_that_is_gone_gets_404()
    {
        var grant = await _client.NewGrantAsync();

        var response = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}?watermark=", grant.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_keep_alive_messages_Web_Chat_sends_are_taken_and_the_stream_goes_on()
    {
        var (grant, streamUrl) = await _client.StartNewWithStreamAsync();
        await using var stream = await DirectLineStream.OpenAsync(streamUrl);
        await stream.WaitForBotMessageAsync("Hi, I'm FootDrop.Bot");

        await stream.PingAsync();
        await stream.PingAsync();
        await _client.SayAsync(grant, "what causes foot drop");

        await stream.WaitForBotMessageAsync("Common causes");
    }

    [Fact]
    public async Task A_stream_url_with_a_tampered_ticket_is_refused_with_403()
    {
        var (_, streamUrl) = await _client.StartNewWithStreamAsync();
        var tampered = streamUrl[..^3] + (streamUrl[^3] == 'A' ? "BBB" : "AAA");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineStream.OpenAsync(tampered));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_url_whose_ticket_is_another_conversations_is_refused_with_403()
    {
        var (mine, _) = await _client.StartNewWithStreamAsync();
        var (theirs, theirStream) = await _client.StartNewWithStreamAsync();
        var borrowed = theirStream.Replace("/conversations/" + theirs.ConversationId + "/", "/conversations/" + mine.ConversationId + "/", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineStream.OpenAsync(borrowed));

        Assert.NotEqual(theirStream, borrowed);
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_token_is_not_a_stream_ticket()
    {
        var (grant, streamUrl) = await _client.StartNewWithStreamAsync();
        var withToken = streamUrl[..(streamUrl.IndexOf("&t=", StringComparison.Ordinal) + 3)] + Uri.EscapeDataString(grant.Token);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineStream.OpenAsync(withToken));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_request_to_a_stream_url_gets_400()
    {
        var (_, streamUrl) = await _client.StartNewWithStreamAsync();

        var response = await _bot.Http.GetAsync(new Uri(streamUrl.Replace("ws://", "http://", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_conversation_may_hold_four_streams_on_an_instance_and_a_fifth_is_refused()
    {
        var (grant, _) = await _client.StartNewWithStreamAsync();
        var streams = new List<DirectLineStream>();
        for (var i = 0; i < DirectLineStreams.MaxPerConversation; i++)
        {
            streams.Add(await DirectLineStream.OpenAsync((await _client.ReconnectAsync(grant)).StreamUrl));
        }

        var fifth = (await _client.ReconnectAsync(grant)).StreamUrl;
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineStream.OpenAsync(fifth));

        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_the_bot_stops_its_streams_are_closed_as_going_away_so_the_page_reconnects_elsewhere()
    {
        var bot = new BotApp();
        var client = new DirectLineClient(bot.Http);
        var (_, streamUrl) = await client.StartNewWithStreamAsync();
        var stream = await DirectLineStream.OpenAsync(streamUrl);
        await stream.WaitForBotMessageAsync("Hi, I'm FootDrop.Bot");
        var open = bot.Services.GetRequiredService<DirectLineStreams>();
        Assert.Equal(1, open.Open);

        var stopping = Task.Run(bot.Dispose);
        await stream.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(stream.CloseStatus == WebSocketCloseStatus.EndpointUnavailable, $"closed with {stream.CloseStatus}");
        await stream.DisposeAsync();
    }

    private static async Task<JObject> NextFromUserAsync(DirectLineStream stream)
    {
        while (true)
        {
            var next = await stream.NextAsync();
            if (next["from"]?.Value<string>("role") == "user")
            {
                return next;
            }
        }
    }
}
