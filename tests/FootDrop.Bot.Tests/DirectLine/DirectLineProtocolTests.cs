using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static FootDrop.Bot.Tests.Infrastructure.DirectLineClient;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>The built-in Direct Line 3.0 endpoint, over real HTTP on 127.0.0.1, as Web Chat uses it.</summary>
public sealed class DirectLineProtocolTests : IDisposable
{
    private readonly WatchedClock _clock = new(DateTimeOffset.UtcNow);
    private readonly BotApp _bot;
    private readonly DirectLineClient _client;

    public DirectLineProtocolTests()
    {
        _bot = new BotApp(
            new Dictionary<string, string?> { ["WebChat:PostsPerMinute"] = "20", ["WebChat:MaxHistory"] = "20" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _client = new DirectLineClient(_bot.Http);
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Starting_a_conversation_returns_201_with_id_token_and_expiry_and_the_welcome_appears()
    {
        var grant = await NewGrantAsync();

        var start = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var body = JObject.Parse(await start.Content.ReadAsStringAsync());
        Assert.Equal(grant.ConversationId, body.Value<string>("conversationId"));
        Assert.False(string.IsNullOrEmpty(body.Value<string>("token")));
        Assert.Equal(1800, body.Value<int>("expires_in"));
        var activities = await GetActivitiesAsync(grant, null);
        Assert.StartsWith("Hi, I'm FootDrop.Bot", activities["activities"]![0]!.Value<string>("text"));
    }

    [Fact]
    public async Task A_posted_activity_gets_an_id_and_is_echoed_with_its_client_activity_id_before_the_reply()
    {
        var grant = await StartAsync();
        var watermark = (await GetActivitiesAsync(grant, null)).Value<string>("watermark");

        var post = await PostMessageAsync(grant, "what causes foot drop", "client-42");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var id = JObject.Parse(await post.Content.ReadAsStringAsync()).Value<string>("id");
        var page = await GetActivitiesAsync(grant, watermark);
        var activities = (JArray)page["activities"]!;
        Assert.Equal(id, activities[0]!.Value<string>("id"));
        Assert.Equal("client-42", activities[0]!["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal(grant.UserId, activities[0]!["from"]!.Value<string>("id"));
        Assert.StartsWith("Common causes", activities[1]!.Value<string>("text"));
    }

    [Fact]
    public async Task The_watermark_returns_only_newer_activities()
    {
        var grant = await StartAsync();
        var first = await GetActivitiesAsync(grant, null);

        var again = await GetActivitiesAsync(grant, first.Value<string>("watermark"));

        Assert.Empty((JArray)again["activities"]!);
        Assert.Equal(first.Value<string>("watermark"), again.Value<string>("watermark"));
    }

    [Fact]
    public async Task Another_conversations_token_gets_403()
    {
        var mine = await StartAsync();
        var theirs = await StartAsync();

        var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine.ConversationId}/activities", theirs.Token);
        var post = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{mine.ConversationId}/activities", theirs.Token, "{\"type\":\"message\",\"text\":\"hi\"}");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_403()
    {
        var grant = await StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(1801));

        var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}/activities", grant.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_gets_403()
    {
        var grant = await StartAsync();
        var tampered = grant.Token[..^2] + (grant.Token[^2] == 'A' ? "BB" : "AA");

        var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}/activities", tampered);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task No_token_gets_403()
    {
        var grant = await StartAsync();

        var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}/activities", null);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task An_unknown_conversation_gets_404()
    {
        var grant = await NewGrantAsync();

        var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}/activities", grant.Token);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task An_activity_over_256_KB_gets_413()
    {
        var grant = await StartAsync();

        var post = await PostMessageAsync(grant, new string('a', 300 * 1024), "big");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, post.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_gets_400()
    {
        var grant = await StartAsync();

        var post = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{grant.ConversationId}/activities", grant.Token, "{oops");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Posting_faster_than_the_limit_gets_429()
    {
        var grant = await StartAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostMessageAsync(grant, "help", "c" + i)).StatusCode);
        }

        var sixth = await PostMessageAsync(grant, "help", "c20");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
    }

    [Fact]
    public async Task History_is_bounded_but_the_watermark_keeps_counting()
    {
        var grant = await StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await PostMessageAsync(grant, "what causes foot drop", "c" + i);
        }

        var all = await GetActivitiesAsync(grant, null);

        Assert.Equal(20, ((JArray)all["activities"]!).Count);
        Assert.True(int.Parse(all.Value<string>("watermark")!) > 20);
    }

    [Fact]
    public async Task Refreshing_a_token_returns_a_new_one_for_the_same_conversation()
    {
        var grant = await StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var refresh = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var body = JObject.Parse(await refresh.Content.ReadAsStringAsync());
        Assert.Equal(grant.ConversationId, body.Value<string>("conversationId"));
        Assert.NotEqual(grant.Token, body.Value<string>("token"));
    }

    [Fact]
    public async Task An_idle_conversation_expires()
    {
        var grant = await StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(61));
        var fresh = (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token)).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, fresh);
    }

    [Fact]
    public async Task A_hold_timers_relax_reaches_the_page_by_itself()
    {
        var grant = await StartAsync();
        foreach (var text in new[] { "calf stretch", "left", "no", "no", "slowly over months", "no", "no", "no", "no", "no", "next", "next", "next", "next", "Start hold" })
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.OK, (await PostMessageAsync(grant, text, text)).StatusCode);
        }

        var before = await GetActivitiesAsync(grant, null);
        Assert.StartsWith("Holding now", ((JArray)before["activities"]!).Last!.Value<string>("text"));

        var timersBefore = _clock.Fired.Count;
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(timersBefore, _clock.Fired.Count);
        Assert.Empty((JArray)(await GetActivitiesAsync(grant, before.Value<string>("watermark")))["activities"]!);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(timersBefore + 1, _clock.Fired.Count);
        JArray? fresh = null;
        for (var attempt = 0; attempt < 50 && (fresh is null || fresh.Count == 0); attempt++)
        {
            await Task.Delay(50);
            fresh = (JArray)(await GetActivitiesAsync(grant, before.Value<string>("watermark")))["activities"]!;
        }

        Assert.Equal("Time's up: relax. Tap Next when you're ready.", Assert.Single(fresh!)!.Value<string>("text"));
    }

    private Task<Grant> NewGrantAsync() => _client.NewGrantAsync();

    private Task<Grant> StartAsync() => _client.StartNewAsync();

    private Task<HttpResponseMessage> PostMessageAsync(Grant grant, string text, string clientActivityId) => _client.PostMessageAsync(grant, text, clientActivityId);

    private Task<JObject> GetActivitiesAsync(Grant grant, string? watermark) => _client.GetActivitiesAsync(grant, watermark);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null) => _client.SendAsync(method, path, token, json);
}
