using System.Globalization;
using System.Text.RegularExpressions;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace FootDrop.Bot.Tests.Browser;

/// <summary>
/// What the browser tests of the lasting web chat share: Debian's Chromium, the bot on 127.0.0.1 with SQLite state (or
/// two instances on PostgreSQL), and the steps a person takes.
/// </summary>
public abstract partial class WebChatBrowserSession(ITestOutputHelper output) : IAsyncLifetime
{
    protected const string KeptKey = "footdrop.webchat";

    /// <summary>Words of the welcome alone (the fallback reply also says "I can explain foot drop").</summary>
    protected const string Greeting = "I can explain foot drop, walk you through";
    private readonly TempDirectory _data = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("No browser: the test should have been skipped.");

    public async Task InitializeAsync()
    {
        if (BrowserFactAttribute.SkipReason is not null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _data.Dispose();
    }

    protected static string ArtifactsDirectory
    {
        get
        {
            var directory = Path.Combine(Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"), "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    /// <summary>A page that notes when each node appears and each socket message arrives, and any CSP violation.</summary>
    protected async Task<IPage> NewWatchedPageAsync()
    {
        var page = await Browser.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            window.rendered = [];
            window.received = [];
            const NativeSocket = window.WebSocket;
            window.WebSocket = function (url, protocols) {
              const socket = new NativeSocket(url, protocols);
              socket.addEventListener('message', m => window.received.push({ at: Date.now(), data: m.data }));
              return socket;
            };
            window.WebSocket.prototype = NativeSocket.prototype;
            // Only the time and the node here, so watching costs the page next to nothing; the text is read later.
            new MutationObserver(mutations => {
              const now = Date.now();
              for (const mutation of mutations) {
                for (const node of mutation.addedNodes) {
                  if (node.nodeType === 1) {
                    window.rendered.push({ at: now, node });
                  }
                }
              }
            }).observe(document, { childList: true, subtree: true });
            """);
        return page;
    }

    /// <summary>
    /// A returning user (side known, checked recently) steps through an exercise, short replies as most are; for each
    /// reply, the time from the bot sending it (its timestamp, from <paramref name="replier"/>'s store) to its words
    /// appearing in the page. Quick means a median of at most 100 ms with at most one reply over 250 ms; polling once a
    /// second would put half of them far over. The machine has two cores, often shared with other work, whose bursts
    /// add delays of their own, so as a benchmark does, up to three rounds of eight replies are measured and the
    /// best round counts. Every round's figures are kept beside the screenshots.
    /// </summary>
    protected async Task AssertRepliesQuickAsync(IPage page, BotApp replier, JObject grant, string fileName)
    {
        var conversationId = grant.Value<string>("conversationId")!;
        await SeedReturningUserAsync(replier, grant.Value<string>("userId")!);
        await SayAsync(page, "calf stretch");
        await ClickSuggestedAsync(page, "No");
        await Assertions.Expect(page.GetByText("Getting ready (1 of 3)").Last).ToBeVisibleAsync();

        var conversations = replier.Services.GetRequiredService<DirectLineConversations>();
        var rounds = new List<string>();
        var quick = false;
        string[] buttons = ["Next", "Next", "Back", "Repeat", "Next", "Next", "Back", "Next"];
        for (var round = 1; round <= 3; round++)
        {
            var delays = new List<double>();
            foreach (var button in buttons)
            {
                var watermark = (await conversations.ReadAsync(conversationId, null, CancellationToken.None))!.Watermark;
                var shownBefore = await page.EvaluateAsync<int>("window.rendered.length");
                await ClickSuggestedAsync(page, button);

                // Nothing polls the page or the store while the reply travels, so the measurement has the machine to itself.
                await Task.Delay(1500);
                var reply = await WaitForReplyAsync(conversations, conversationId, watermark);
                var sent = new DateTimeOffset(reply.Value<DateTime>("timestamp"), TimeSpan.Zero);
                var words = Words(reply.Value<string>("text")!);
                var shown = await WaitForShownAsync(page, words, shownBefore);
                var arrived = await page.EvaluateAsync<long?>("words => { const normal = t => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim(); const hit = [...window.received].reverse().find(r => normal(r.data || '').includes(words)); return hit ? hit.at : null; }", words);
                var delay = (DateTimeOffset.FromUnixTimeMilliseconds(shown) - sent).TotalMilliseconds;
                output.WriteLine($"\"{words}\": on the socket after {(arrived is null ? double.NaN : (DateTimeOffset.FromUnixTimeMilliseconds(arrived.Value) - sent).TotalMilliseconds):F0} ms, in the page after {delay:F0} ms");
                delays.Add(delay);
            }

            var median = delays.Order().ElementAt(delays.Count / 2);
            quick = median <= 100 && delays.Count(d => d > 250) <= 1;
            rounds.Add($"round {round}: median {median:F0} ms ({string.Join(", ", delays.Select(d => d.ToString("F0", CultureInfo.InvariantCulture)))} ms)");
            output.WriteLine("From the bot sending a reply to the reply in the page, " + rounds[^1]);
            if (quick)
            {
                break;
            }

            // From the first rep: back to the last getting-ready step and on again.
            buttons = ["Back", "Next", "Back", "Next", "Back", "Next", "Back", "Next"];
        }

        await File.WriteAllLinesAsync(Path.Combine(ArtifactsDirectory, fileName), rounds);
        Assert.True(quick, "No round was quick (median at most 100 ms, at most one reply over 250 ms): " + string.Join("; ", rounds));
    }

    protected static BotApp StartOnPostgres(TestDatabase database) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["WebChat:TokenSigningKey"] = "a-signing-key-that-every-instance-shares-0123456789",
    });

    protected BotApp StartBot(Action<IServiceCollection>? services = null)
        => new(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = _data.Path }, services);

    protected async Task<IPage> OpenAsync(BotApp bot)
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(bot.BaseAddress.ToString());
        await Assertions.Expect(page.GetByText("I can explain foot drop").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return page;
    }

    /// <summary>Does <paramref name="load"/> and returns the token endpoint's answer the page got during it.</summary>
    protected static async Task<JObject> LoadAsync(IPage page, Func<Task> load)
    {
        var answer = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/webchat/token", StringComparison.Ordinal));
        await load();
        return JObject.Parse(await (await answer).TextAsync());
    }

    protected static async Task FirstSessionToTheFirstRepAsync(IPage page)
    {
        await ClickSuggestedAsync(page, "Exercises");
        await ClickSuggestedAsync(page, "Toe lifts");
        await ClickSuggestedAsync(page, "Left");
        foreach (var answer in new[] { "no", "no", "slowly over months", "no", "no", "no", "no", "no" })
        {
            await SayAsync(page, answer);
        }

        await Assertions.Expect(page.GetByText("Getting ready (1 of 1)").Last).ToBeVisibleAsync();
        await ClickSuggestedAsync(page, "Next");
        await Assertions.Expect(page.GetByText("Set 1 of 3, rep 1 of 10").Last).ToBeVisibleAsync();
    }

    protected static async Task<JObject> WaitForReplyAsync(DirectLineConversations conversations, string conversationId, long watermark)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var page = await conversations.ReadAsync(conversationId, watermark, CancellationToken.None);
            var reply = page!.Activities.Select(a => JObject.Parse(System.Text.Encoding.UTF8.GetString(a)))
                .FirstOrDefault(a => a.Value<string>("type") == "message" && a["from"]!.Value<string>("role") == "bot");
            if (reply is not null)
            {
                return reply;
            }

            Assert.True(DateTime.UtcNow < deadline, "The bot did not reply.");
            await Task.Delay(20);
        }
    }

    /// <summary>When the page first showed a node with these words, among the nodes added after the first <paramref name="after"/>.</summary>
    protected static async Task<long> WaitForShownAsync(IPage page, string words, int after)
    {
        var shown = await page.WaitForFunctionAsync(
            "([words, after]) => { const normal = t => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim(); const hit = window.rendered.slice(after).find(r => normal(r.node.textContent || '').includes(words)); return hit ? hit.at : null; }",
            new object[] { words, after },
            new() { Timeout = 20_000 });
        return await shown.JsonValueAsync<long>();
    }

    protected static Task SeedReturningUserAsync(BotApp bot, string userId)
    {
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter(new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = WebIdentity.ChannelId,
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            User = new Microsoft.Bot.Schema.ChannelAccount(userId),
            Bot = new Microsoft.Bot.Schema.ChannelAccount("footdrop-bot"),
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "seed-" + userId),
        });
        return bot.SeedAsync(adapter, p =>
        {
            p.Side = "left";
            p.LastTriage = new FootDrop.Bot.Conversation.TriageRecord { Level = "routine", On = DateTimeOffset.UtcNow };
        });
    }

    /// <summary>The first few words of a reply, as the page's text reads once markdown and typography are applied.</summary>
    protected static string Words(string text) => string.Join(' ', NotWordCharacters().Replace(text.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5));

    protected static string UserKey(JObject tokenAnswer) => StateKeys.UserKey(WebIdentity.ChannelId, tokenAnswer.Value<string>("userId")!);

    protected static async Task WaitUntilAsync(IPage page, string predicate, object argument)
        => await page.WaitForFunctionAsync(predicate, argument, new() { Timeout = 10_000 });

    /// <summary>The transcript's messages with this text (Web Chat also writes each text elsewhere, for screen readers).</summary>
    protected static ILocator Messages(IPage page, string text)
        => page.Locator(".webchat__basic-transcript__activity").Filter(new() { HasText = text });

    protected static Task ClickSuggestedAsync(IPage page, string name)
        => page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    protected static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator("[role=listitem], .webchat__basic-transcript__activity").CountAsync();
        var box = page.GetByRole(AriaRole.Textbox).Last;
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "count => document.querySelectorAll('[role=listitem], .webchat__basic-transcript__activity').length >= count + 2",
            before,
            new() { Timeout = 20_000 });
    }

    protected static Task ScreenshotAsync(IPage page, string name)
        => page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, name), FullPage = true });

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWordCharacters();

    /// <summary>Answers every stream request 502 before the bot sees it, as a proxy without WebSocket support does.</summary>
    protected sealed class RefuseStreams : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Path.Value?.EndsWith("/stream", StringComparison.Ordinal) == true)
                {
                    context.Response.StatusCode = StatusCodes.Status502BadGateway;
                    return Task.CompletedTask;
                }

                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// The web widget as someone uses it over days: a reload resumes the conversation, progress follows the person, "delete
/// my data" leaves nothing behind, and polling takes over where WebSockets cannot pass.
/// </summary>
public sealed class WebChatLastingBrowserTests(ITestOutputHelper output) : WebChatBrowserSession(output)
{
    [BrowserFact]
    public async Task Reloading_the_page_mid_exercise_shows_the_history_and_the_step_to_do_next()
    {
        using var bot = StartBot();
        var page = await OpenAsync(bot);
        await FirstSessionToTheFirstRepAsync(page);

        await page.ReloadAsync();

        await Assertions.Expect(page.GetByText("Set 1 of 3, rep 1 of 10").Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Getting ready (1 of 1)").First).ToBeVisibleAsync();
        await Assertions.Expect(Messages(page, Greeting)).ToHaveCountAsync(1);
        await ClickSuggestedAsync(page, "Next");
        await Assertions.Expect(page.GetByText("Hold your toes up for 2 to 3 seconds").Last).ToBeVisibleAsync();
        await ScreenshotAsync(page, "webchat-after-reload.png");
    }

    [BrowserFact]
    public async Task Progress_is_shown_after_a_reload_and_after_the_chat_itself_has_ended()
    {
        using var bot = StartBot();
        var page = await Browser.NewPageAsync();
        var grant = await LoadAsync(page, () => page.GotoAsync(bot.BaseAddress.ToString()));
        await Assertions.Expect(page.GetByText(Greeting).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await FirstSessionToTheFirstRepAsync(page);
        await ClickSuggestedAsync(page, "I did all reps");
        await Assertions.Expect(page.GetByText("Set 1 of 3 done").Last).ToBeVisibleAsync();
        await ClickSuggestedAsync(page, "Finish this exercise");
        await Assertions.Expect(page.GetByText("how much pain").Last).ToBeVisibleAsync();
        await SayAsync(page, "1");
        await Assertions.Expect(page.GetByText("session finished: 1 done").Last).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("session finished: 1 done").Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SayAsync(page, "my progress");
        await Assertions.Expect(page.GetByText("finished 1 sessions").Last).ToBeVisibleAsync();

        // The page comes back after its conversation's token lapsed (half an hour closed): a fresh chat, said so, and
        // the same person. The token the page kept is swapped on its way for one of this conversation that expired.
        var lapsed = new DirectLineTokens(
            bot.Services.GetRequiredService<WebChatKeys>(),
            bot.Services.GetRequiredService<IOptions<WebChatOptions>>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)));
        await page.RouteAsync(
            "**/api/webchat/token",
            async route =>
            {
                var asked = JObject.Parse(route.Request.PostData!);
                var conversationId = asked["conversation"]!.Value<string>("conversationId")!;
                asked["conversation"]!["token"] = lapsed.Issue(conversationId, grant.Value<string>("userId")!);
                await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(asked.ToString()) });
            },
            new() { Times = 1 });
        var fresh = await LoadAsync(page, () => page.ReloadAsync());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Your earlier chat has ended, so this is a fresh one.", new() { Timeout = 20_000 });
        Assert.True(fresh.Value<bool>("ended"));
        Assert.Equal(grant.Value<string>("userId"), fresh.Value<string>("userId"));
        await Assertions.Expect(Messages(page, Greeting)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("session finished: 1 done")).ToHaveCountAsync(0);
        await SayAsync(page, "my progress");
        await Assertions.Expect(page.GetByText("finished 1 sessions").Last).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task After_delete_my_data_and_a_reload_nothing_of_before_is_shown_or_stored()
    {
        using var bot = StartBot();
        var page = await Browser.NewPageAsync();
        var before = await LoadAsync(page, () => page.GotoAsync(bot.BaseAddress.ToString()));
        await Assertions.Expect(page.GetByText("I can explain foot drop").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SayAsync(page, "what causes foot drop");
        await Assertions.Expect(page.GetByText("Common causes").Last).ToBeVisibleAsync();
        await SayAsync(page, "toe lifts");
        await ClickSuggestedAsync(page, "Left");
        await Assertions.Expect(page.GetByText("face drooping").Last).ToBeVisibleAsync();
        Assert.NotEmpty(await bot.Services.GetRequiredService<IStorage>().ReadAsync([UserKey(before)]));

        await SayAsync(page, "delete my data");
        await ClickSuggestedAsync(page, "Yes");
        await Assertions.Expect(page.GetByText("deleted").Last).ToBeVisibleAsync();
        await WaitUntilAsync(page, "key => localStorage.getItem(key) === null", KeptKey);

        var after = await LoadAsync(page, () => page.ReloadAsync());
        await Assertions.Expect(page.GetByText("I can explain foot drop").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Nothing of before on the page: another person, in another conversation.
        await Assertions.Expect(page.GetByText("Common causes")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("face drooping")).ToHaveCountAsync(0);
        Assert.NotEqual(before.Value<string>("userId"), after.Value<string>("userId"));
        Assert.NotEqual(before.Value<string>("conversationId"), after.Value<string>("conversationId"));
        Assert.False(after.Value<bool>("resumed"));

        // Nor stored: no user or conversation state, and of the transcript only the "Yes" that asked and the answer to it.
        var storage = bot.Services.GetRequiredService<IStorage>();
        Assert.Empty(await storage.ReadAsync([UserKey(before), $"directline/conversations/{before.Value<string>("conversationId")}"]));
        var transcript = await bot.Services.GetRequiredService<DirectLineConversations>().ReadAsync(before.Value<string>("conversationId")!, null, CancellationToken.None);
        var kept = transcript!.Activities.Select(a => JObject.Parse(System.Text.Encoding.UTF8.GetString(a))).ToList();
        Assert.DoesNotContain(kept, a => a.Value<string>("text")?.Contains("Common causes", StringComparison.Ordinal) == true);
        Assert.Equal(["Yes"], kept.Where(a => a["from"]!.Value<string>("role") == "user").Select(a => a.Value<string>("text")));
    }

    [BrowserFact]
    public async Task Where_WebSockets_cannot_pass_the_page_polls_instead_and_the_chat_works()
    {
        // A proxy in front of the bot that refuses WebSocket upgrades.
        using var bot = StartBot(services => services.AddSingleton<IStartupFilter>(new RefuseStreams()));
        var page = await Browser.NewPageAsync();
        var polls = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/activities?watermark", StringComparison.Ordinal))
            {
                polls++;
            }
        };

        await page.GotoAsync(bot.BaseAddress.ToString());
        await Assertions.Expect(page.GetByText("I can explain foot drop").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SayAsync(page, "what causes foot drop");
        await Assertions.Expect(page.GetByText("Common causes").Last).ToBeVisibleAsync();

        Assert.True(polls > 0, "The page never polled for activities.");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplyTiming
{
    public const string Name = "Reply timing in the browser";
}

/// <summary>
/// How soon a reply is on the page: measured from the bot sending it to its words in the page, with nothing else of
/// this test run beside it (the machine has two cores).
/// </summary>
[Collection(ReplyTiming.Name)]
public sealed class WebChatReplyTimingBrowserTests(ITestOutputHelper output) : WebChatBrowserSession(output)
{
    [BrowserFact]
    public async Task Replies_are_on_the_page_within_100_ms_of_the_bot_sending_them()
    {
        using var bot = StartBot();
        var page = await NewWatchedPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        var grant = await LoadAsync(page, () => page.GotoAsync(bot.BaseAddress.ToString()));
        await Assertions.Expect(page.GetByText(Greeting).First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await AssertRepliesQuickAsync(page, bot, grant, "webchat-reply-latency.txt");
        Assert.NotEmpty(sockets);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.cspViolations"));
    }

    [BrowserFact]
    [RequiresPostgres]
    public async Task Replies_made_on_the_other_instance_are_on_the_page_within_100_ms()
    {
        // Two instances on one PostgreSQL database. The page and its stream are on A; its posts go to B, as a load
        // balancer without sticky sessions may send them, so every reply is made on B and reaches A's socket by NOTIFY.
        await using var database = await TestDatabase.CreateAsync();
        using var a = StartOnPostgres(database);
        using var b = StartOnPostgres(database);
        var page = await NewWatchedPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        var postedToB = 0;
        await page.RouteAsync(
            url => url.StartsWith(a.BaseAddress.ToString(), StringComparison.Ordinal) && url.EndsWith("/activities", StringComparison.Ordinal),
            async route =>
            {
                if (route.Request.Method != "POST")
                {
                    await route.ContinueAsync();
                    return;
                }

                Interlocked.Increment(ref postedToB);
                await route.ContinueAsync(new() { Url = b.BaseAddress + route.Request.Url[a.BaseAddress.ToString().Length..] });
            });
        var grant = await LoadAsync(page, () => page.GotoAsync(a.BaseAddress.ToString()));
        await Assertions.Expect(page.GetByText(Greeting).First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await AssertRepliesQuickAsync(page, b, grant, "webchat-reply-latency-other-instance.txt");
        Assert.True(postedToB >= 10, $"Only {postedToB} posts went to the other instance.");
        Assert.NotEmpty(sockets);
        Assert.All(sockets, url => Assert.StartsWith("ws://" + a.BaseAddress.Authority + "/", url, StringComparison.Ordinal));
    }
}
