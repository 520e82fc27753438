using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Http;

/// <summary>
/// A clinic starts the bot for its website without Azure credentials, in Production, and a stranger finds it:
/// /api/messages must not become a relay that makes the bot call whatever address an activity names.
/// </summary>
public sealed class ProductionWithoutCredentialsTests : IAsyncLifetime
{
    private FakeConnector _listener = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _listener = await FakeConnector.StartAsync();
        _bot = new BotApp(environment: "Production");
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _listener.DisposeAsync();
    }

    [Fact]
    public async Task A_message_naming_a_loopback_service_url_is_refused_with_401_and_the_listener_hears_nothing()
    {
        var response = await _bot.PostActivityAsync(Activities.EmulatorMessage(_listener.ServiceUrl, "conv-relay", "hello"));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _listener.Requests);
    }

    [Fact]
    public async Task A_conversation_join_and_an_expect_replies_message_are_refused_too()
    {
        var join = await _bot.PostActivityAsync(Activities.EmulatorJoin(_listener.ServiceUrl, "conv-relay-join"));
        var expect = await _bot.PostActivityAsync(Activities.EmulatorMessage(_listener.ServiceUrl, "conv-relay-expect", "help").ExpectingReplies());
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, join.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expect.StatusCode);
        Assert.DoesNotContain("activities", await expect.Content.ReadAsStringAsync());
        Assert.Equal(0, _listener.Requests);
    }

    [Fact]
    public async Task The_refusal_says_how_to_configure_credentials_or_opt_in()
    {
        var response = await _bot.PostActivityAsync(Activities.EmulatorMessage(_listener.ServiceUrl, "conv-relay-body", "hello"));

        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.Value<string>("detail")!;
        Assert.Equal(401, problem.Value<int>("status"));
        Assert.Contains("MicrosoftAppId", detail, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", detail, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowAnonymous=true", detail, StringComparison.Ordinal);
        Assert.Contains("private machine", detail, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Even_a_body_that_is_not_an_activity_gets_the_same_401()
    {
        var response = await _bot.PostRawAsync("{not json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_web_chat_page_still_gets_a_token_starts_posts_and_reads_the_reply()
    {
        var client = new DirectLineClient(_bot.Http);

        var grant = await client.StartNewAsync();
        var welcome = await client.GetActivitiesAsync(grant);
        var post = await client.PostMessageAsync(grant, "what causes foot drop");
        var replies = await client.BotTextsAsync(grant, welcome.Value<string>("watermark"));

        Assert.StartsWith("Hi, I'm FootDrop.Bot", ((JArray)welcome["activities"]!)[0]!.Value<string>("text"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.StartsWith("Common causes", replies[0]);
        Assert.Equal(0, _listener.Requests);
    }

    [Fact]
    public async Task The_health_check_still_answers()
    {
        var response = await _bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
