using System.Net;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.Proactive;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.ScaleOut;

/// <summary>
/// Two instances of the real app on Kestrel at 127.0.0.1, on one PostgreSQL database with the same signing key and no
/// sticky sessions, as the README tells an operator to run them: a web chat's calls go to either, and either may restart.
/// Each test has a database of its own. The instances share a clock the test moves only where a hold is timed.
/// </summary>
[RequiresPostgres]
public sealed class TwoInstancesOnPostgresTests : IAsyncLifetime
{
    private const string SigningKey = "a-signing-key-that-every-instance-shares-0123456789";

    private readonly WatchedClock _clock = new(DateTimeOffset.UtcNow);
    private TestDatabase _database = null!;
    private BotApp _a = null!;
    private BotApp _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _a = StartInstance();
        _b = StartInstance();
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _database.DisposeAsync();
    }

    [StorageFact]
    public async Task A_web_chat_alternating_between_the_two_goes_from_the_welcome_to_the_end_of_an_exercise()
    {
        await using var page = await WebChatPage.OpenAsync(tokenFrom: _a, startOn: _b);
        await page.ExpectAsync("Hi, I'm FootDrop.Bot");

        var turn = 0;
        foreach (var (say, expect) in WebChatScript.ToTheEnd)
        {
            await page.SayAsync(turn++ % 2 == 0 ? _a : _b, say);
            await page.ExpectAsync(expect);
        }

        // Both instances serve the same transcript to a page that polls.
        Assert.Equal(Ids(await page.TranscriptAsync(_a)), Ids(await page.TranscriptAsync(_b)));
        Assert.Contains(await page.TranscriptAsync(_a), a => a.Value<string>("text")?.StartsWith("That's the session finished", StringComparison.Ordinal) == true);
    }

    [StorageFact]
    public async Task A_web_chat_goes_on_when_the_instance_holding_its_stream_restarts_in_the_middle()
    {
        await using var page = await WebChatPage.OpenAsync(tokenFrom: _a, startOn: _b);
        await page.ExpectAsync("Hi, I'm FootDrop.Bot");
        var script = WebChatScript.ToTheEnd;
        var turn = 0;
        for (; turn < 8; turn++)
        {
            await page.SayAsync(turn % 2 == 0 ? _a : _b, script[turn].Say);
            await page.ExpectAsync(script[turn].Expect);
        }

        // The stream's instance stops: the page is told to go away, reconnects to the other, and goes on.
        _b.Dispose();
        await page.Stream.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, page.Stream.CloseStatus);
        await page.ReconnectAsync(_a);
        _b = StartInstance();

        for (; turn < script.Count; turn++)
        {
            await page.SayAsync(turn % 2 == 0 ? _a : _b, script[turn].Say);
            await page.ExpectAsync(script[turn].Expect);
        }

        var transcript = await page.TranscriptAsync(_b);
        Assert.Equal(script.Count, transcript.Count(a => a["from"]!.Value<string>("role") == "user"));
        Assert.Equal(Ids(transcript), Ids(await page.TranscriptAsync(_a)));
    }

    [StorageFact]
    public async Task Twenty_messages_posted_at_once_across_both_are_all_accepted_kept_in_one_order_and_each_answered()
    {
        await using var page = await WebChatPage.OpenAsync(tokenFrom: _a, startOn: _a);
        await page.ExpectAsync("Hi, I'm FootDrop.Bot");
        var clients = new[] { new DirectLineClient(_a.Http), new DirectLineClient(_b.Http) };

        var posts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].PostMessageAsync(page.Grant, "what causes foot drop", "client-" + i)));

        Assert.All(posts, post => Assert.Equal(HttpStatusCode.OK, post.StatusCode));
        var posted = await Task.WhenAll(posts.Select(async p => JObject.Parse(await p.Content.ReadAsStringAsync()).Value<string>("id")!));
        var transcript = await page.TranscriptAsync(_b);
        var fromUser = transcript.Where(a => a["from"]!.Value<string>("role") == "user").ToList();
        Assert.Equal(posted.Order(StringComparer.Ordinal), fromUser.Select(a => a.Value<string>("id")));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "client-" + i).Order(StringComparer.Ordinal), fromUser.Select(a => a["channelData"]!.Value<string>("clientActivityID")).Order(StringComparer.Ordinal));
        Assert.Equal(transcript.Select(a => a.Value<string>("id")).Order(StringComparer.Ordinal), transcript.Select(a => a.Value<string>("id")));
        foreach (var message in fromUser)
        {
            var reply = transcript.Where(a => a.Value<string>("replyToId") == message.Value<string>("id")).Select(a => a.Value<string>("text") ?? string.Empty).ToList();
            Assert.Contains(reply, text => text.StartsWith("Common causes", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(transcript, a => a.Value<string>("text")?.Contains("went wrong", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal(Ids(transcript), Ids(await page.TranscriptAsync(_a)));
    }

    [StorageFact]
    public async Task A_reply_produced_on_one_instance_reaches_a_stream_on_the_other_at_once()
    {
        await using var page = await WebChatPage.OpenAsync(tokenFrom: _a, startOn: _b);
        await page.ExpectAsync("Hi, I'm FootDrop.Bot");
        await page.ExpectAsync("What would you like to do?");

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var posted = DateTimeOffset.UtcNow;
            var answered = page.SayAsync(_a, "what causes foot drop");
            var (_, received) = await page.Stream.WaitForBotMessageAsync("Common causes");
            await answered;
            waits.Add(received - posted);
        }

        // The stream looks at the store every 5 s by itself; a wake-up from the other instance is what makes it quick.
        Assert.True(waits.All(w => w < TimeSpan.FromSeconds(1)), "Replies reached the other instance's stream after " + string.Join(", ", waits.Select(w => $"{w.TotalMilliseconds:F0} ms")));
    }

    [StorageFact]
    public async Task A_hold_started_on_one_instance_and_stopped_on_the_other_never_says_relax()
    {
        await using var page = await WebChatPage.OpenAsync(tokenFrom: _a, startOn: _b);
        await ToTheHoldStepAsync(page);
        await page.SayAsync(_a, "Start hold");
        await page.ExpectAsync("Holding now");
        var holds = _a.Services.GetRequiredService<HoldTimers>();
        var settled = holds.Settled;
        var fired = _clock.Fired.Count;

        await page.SayAsync(_b, "next");
        await page.ExpectAsync("Rep 2 of 3");
        _clock.Advance(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => holds.Settled > settled);

        // Instance A's timer did fire, found the stored hold ended by B, and said nothing: not in the transcript, and
        // not on the page before the answer to the next message.
        Assert.Equal(fired + 1, _clock.Fired.Count);
        Assert.DoesNotContain(await page.TranscriptAsync(_a), a => a.Value<string>("text")?.StartsWith("Time's up", StringComparison.Ordinal) == true);
        await page.SayAsync(_a, "next");
        await page.ExpectAsync("Hold that stretch");
        Assert.DoesNotContain(page.Stream.Seen, a => a.Value<string>("text")?.StartsWith("Time's up", StringComparison.Ordinal) == true);
    }

    [StorageFact]
    public async Task A_hold_left_to_run_says_relax_on_the_page_whose_stream_is_on_the_other_instance()
    {
        await using var page = await WebChatPage.OpenAsync(tokenFrom: _a, startOn: _b);
        await ToTheHoldStepAsync(page);
        await page.SayAsync(_a, "Start hold");
        await page.ExpectAsync("Holding now");

        var fired = _clock.Fired.Count;
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(fired, _clock.Fired.Count);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(fired + 1, _clock.Fired.Count);

        await page.ExpectAsync("Time's up: relax.");
        Assert.Single(await page.TranscriptAsync(_b), a => a.Value<string>("text")?.StartsWith("Time's up", StringComparison.Ordinal) == true);
    }

    /// <summary>A returning web user (side known, a recent routine check) at the calf stretch's first hold.</summary>
    private async Task ToTheHoldStepAsync(WebChatPage page)
    {
        await page.ExpectAsync("Hi, I'm FootDrop.Bot");
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter(new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "directline",
            ServiceUrl = "urn:footdrop:directline",
            User = new Microsoft.Bot.Schema.ChannelAccount(page.Grant.UserId),
            Bot = new Microsoft.Bot.Schema.ChannelAccount("footdrop-bot"),
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "seed-" + page.Grant.UserId),
        });
        await _a.SeedAsync(adapter, p =>
        {
            p.Side = "left";
            p.LastTriage = new TriageRecord { Level = "routine", On = _clock.GetUtcNow() };
        });

        var steps = new (string Say, string Expect)[]
        {
            ("calf stretch", "since you last checked in"),
            ("no", "Getting ready (1 of 3)"),
            ("next", "Getting ready (2 of 3)"),
            ("next", "Getting ready (3 of 3)"),
            ("next", "Rep 1 of 3"),
            ("next", "Hold that stretch for 20 to 30 seconds"),
        };
        var turn = 0;
        foreach (var (say, expect) in steps)
        {
            await page.SayAsync(turn++ % 2 == 0 ? _a : _b, say);
            await page.ExpectAsync(expect);
        }
    }

    private BotApp StartInstance() => new(
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString,
            ["WebChat:TokenSigningKey"] = SigningKey,
        },
        services => services.AddSingleton<TimeProvider>(_clock));

    private static List<string?> Ids(IEnumerable<JObject> activities) => [.. activities.Select(a => a.Value<string>("id"))];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The hold timer did not settle.");
            await Task.Delay(10);
        }
    }
}
