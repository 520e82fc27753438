using System.Net;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>
/// The built-in Direct Line's limits, over HTTP on 127.0.0.1 with short windows: what a page gets when someone
/// hammers the token, start, post or poll endpoints, or when the cap on live conversations is reached.
/// </summary>
public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task A_client_asking_for_more_tokens_than_its_allowance_gets_429_with_Retry_After()
    {
        using var bot = App(("WebChat:TokensPerMinute", "3"), ("WebChat:RateLimitWindow", "00:00:03"));
        var client = new DirectLineClient(bot.Http);

        var allowed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.RequestTokenAsync()));
        var refused = await client.RequestTokenAsync();

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(429, JObject.Parse(await refused.Content.ReadAsStringAsync()).Value<int>("status"));
    }

    [Fact]
    public async Task After_waiting_as_long_as_Retry_After_says_a_token_is_issued_again()
    {
        using var bot = App(("WebChat:TokensPerMinute", "2"), ("WebChat:RateLimitWindow", "00:00:02"));
        var client = new DirectLineClient(bot.Http);
        await client.RequestTokenAsync();
        await client.RequestTokenAsync();
        var refused = await client.RequestTokenAsync();

        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(300));
        var again = await client.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Starting_conversations_faster_than_the_allowance_gets_429_with_Retry_After()
    {
        using var bot = App(("WebChat:TokensPerMinute", "3"), ("WebChat:RateLimitWindow", "00:01:00"));
        var client = new DirectLineClient(bot.Http);
        var grant = await client.NewGrantAsync();

        var first = await client.StartAsync(grant);
        var resumes = new[] { await client.StartAsync(grant), await client.StartAsync(grant) };
        var refused = await client.StartAsync(grant);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.All(resumes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Refreshing_tokens_faster_than_the_allowance_gets_429()
    {
        // A window far longer than the test, so a slow machine cannot start a fresh one between the requests.
        using var bot = App(("WebChat:TokensPerMinute", "2"), ("WebChat:RateLimitWindow", "00:01:00"));
        var client = new DirectLineClient(bot.Http);
        var grant = await client.StartNewAsync();

        // The page's own token request used one of the two.
        var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token);
        var refused = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Posting_faster_than_the_allowance_gets_429_with_Retry_After_and_the_bot_never_sees_it()
    {
        using var bot = App(("WebChat:PostsPerMinute", "4"), ("WebChat:RateLimitWindow", "00:00:04"));
        var client = new DirectLineClient(bot.Http);
        var grant = await client.StartNewAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(grant, "help")).StatusCode);
        }

        var before = (JArray)(await client.GetActivitiesAsync(grant))["activities"]!;
        var refused = await client.PostMessageAsync(grant, "what causes foot drop");
        var after = (JArray)(await client.GetActivitiesAsync(grant))["activities"]!;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task One_conversations_posts_do_not_use_up_anothers_allowance()
    {
        using var bot = App(("WebChat:PostsPerMinute", "2"), ("WebChat:RateLimitWindow", "00:01:00"));
        var client = new DirectLineClient(bot.Http);
        var busy = await client.StartNewAsync();
        var quiet = await client.StartNewAsync();
        await client.PostMessageAsync(busy, "help");
        await client.PostMessageAsync(busy, "help");

        var refused = await client.PostMessageAsync(busy, "help");
        var other = await client.PostMessageAsync(quiet, "help");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Polling_faster_than_the_allowance_gets_429_with_Retry_After()
    {
        using var bot = App(("WebChat:GetsPerMinute", "5"), ("WebChat:RateLimitWindow", "00:00:05"));
        var client = new DirectLineClient(bot.Http);
        var grant = await client.StartNewAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(grant)).StatusCode);
        }

        var refused = await client.GetAsync(grant);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Made_up_conversation_ids_share_one_allowance_per_client_and_get_403_within_it()
    {
        using var bot = App(("WebChat:GetsPerMinute", "3"), ("WebChat:RateLimitWindow", "00:01:00"));
        var client = new DirectLineClient(bot.Http);
        var grant = await client.NewGrantAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetAsync(grant with { ConversationId = "dl-made-up-" + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task With_the_cap_on_live_conversations_reached_a_new_start_gets_429_with_Retry_After_until_one_goes_idle()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bot = App(clock, ("WebChat:MaxConversations", "2"), ("WebChat:ConversationIdleTimeout", "00:10:00"));
        var client = new DirectLineClient(bot.Http);
        var waiting = await client.NewGrantAsync();
        await client.StartNewAsync();
        clock.Advance(TimeSpan.FromMinutes(4));
        await client.StartNewAsync();

        var refused = await client.StartAsync(waiting);
        clock.Advance(TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(1));
        var afterIdle = await client.StartAsync(waiting);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(6), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("busy", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, afterIdle.StatusCode);
    }

    [Fact]
    public async Task With_the_cap_reached_the_pages_token_request_already_gets_429()
    {
        using var bot = App(("WebChat:MaxConversations", "1"));
        var client = new DirectLineClient(bot.Http);
        await client.StartNewAsync();

        var refused = await client.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_conversations_history_is_bounded_in_bytes_and_keeps_the_newest_activities()
    {
        using var bot = App(("WebChat:MaxHistoryBytes", "8192"), ("WebChat:PostsPerMinute", "100"));
        var client = new DirectLineClient(bot.Http);
        var grant = await client.StartNewAsync();
        for (var i = 0; i < 12; i++)
        {
            await client.PostMessageAsync(grant, $"message {i} " + new string('x', 1000));
        }

        var history = await client.GetAsync(grant);
        var activities = (JArray)JObject.Parse(await history.Content.ReadAsStringAsync())["activities"]!;

        Assert.InRange(history.Content.Headers.ContentLength!.Value, 4096, 8192);
        Assert.StartsWith("message 11 ", activities.Last(a => a["from"]!.Value<string>("role") == "user").Value<string>("text"));
        Assert.DoesNotContain(activities, a => a.Value<string>("text")?.StartsWith("message 0 ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Over_the_total_budget_a_heavy_conversation_loses_its_own_oldest_activities_not_its_neighbours()
    {
        using var bot = App(
            ("WebChat:MaxTotalHistoryBytes", "1048576"),
            ("WebChat:MaxHistoryBytes", "16777216"),
            ("WebChat:PostsPerMinute", "100"));
        var client = new DirectLineClient(bot.Http);
        var neighbour = await client.StartNewAsync();
        var neighbourHistory = (await client.GetActivitiesAsync(neighbour))["activities"]!.ToString();
        var heavy = await client.StartNewAsync();
        for (var i = 0; i < 8; i++)
        {
            await client.PostMessageAsync(heavy, $"long {i} " + new string('y', 200_000));
        }

        var total = await bot.Services.GetRequiredService<DirectLineConversations>().HistoryBytesAsync();
        var heavyTexts = ((JArray)(await client.GetActivitiesAsync(heavy))["activities"]!).Select(a => a.Value<string>("text") ?? string.Empty).ToList();

        Assert.InRange(total, 1, 1_048_576);
        Assert.Equal(neighbourHistory, (await client.GetActivitiesAsync(neighbour))["activities"]!.ToString());
        Assert.Contains(heavyTexts, t => t.StartsWith("long 7 ", StringComparison.Ordinal));
        Assert.DoesNotContain(heavyTexts, t => t.StartsWith("long 0 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:bbbb:cccc:dddd:9", "2001:db8:1:2::/64")]
    public void Clients_are_counted_by_IPv4_address_or_IPv6_slash_64(string address, string key)
    {
        Assert.Equal(key, DirectLineRateLimits.ClientKey(IPAddress.Parse(address)));
    }

    private static BotApp App(params (string Key, string Value)[] settings) => App(null, settings);

    private static BotApp App(FakeTimeProvider? clock, params (string Key, string Value)[] settings)
        => new(
            settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            clock is null ? null : services => services.AddSingleton<TimeProvider>(clock));
}
