using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Http;

/// <summary>The Bot Framework protocol as Emulator speaks it: activities in on /api/messages, replies out to the serviceUrl.</summary>
public sealed class EmulatorConversationTests : IAsyncLifetime
{
    private BotApp _bot = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApp();
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Joining_the_conversation_is_answered_with_a_welcome_posted_to_the_connector()
    {
        var join = Activities.EmulatorJoin(_connector.ServiceUrl, "conv-join");

        var response = await _bot.PostActivityAsync(join);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        Assert.All(replies, r => Assert.Equal("conv-join", r.Conversation.Id));
        Assert.Contains(replies, r => !string.IsNullOrWhiteSpace(r.Text) || r.Attachments?.Count > 0);
    }

    [Fact]
    public async Task A_message_gets_a_reply_to_that_message()
    {
        var message = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-message", "help");

        var response = await _bot.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        Assert.Equal(message.Id, replies[0].ReplyToId);
        Assert.Equal("emulator", replies[0].ChannelId);
        Assert.False(string.IsNullOrWhiteSpace(replies[0].Text));
    }

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_response_body_and_posts_nothing()
    {
        var message = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-expect", "help").ExpectingReplies();

        var response = await _bot.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var activities = (JArray)body["activities"]!;
        Assert.NotEmpty(activities);
        Assert.Contains(activities, a => a.Value<string>("type") == ActivityTypes.Message && !string.IsNullOrWhiteSpace(a.Value<string>("text")));
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_accepted_and_ignored()
    {
        var odd = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-odd", "hello");
        odd.Type = "somethingNew";

        var response = await _bot.PostActivityAsync(odd.ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(body["activities"]!, a => a.Value<string>("type") == ActivityTypes.Message);
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_gets_a_proper_invoke_response()
    {
        var invoke = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-invoke", string.Empty);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "some/unknownInvoke";
        invoke.Text = null;

        var response = await _bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
