using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace FootDrop.Bot.Tests.Http.Fuzz;

/// <summary>
/// 10,000 generated activities sent to /api/messages in Development (anonymous, as with Emulator), eight at a time,
/// against the real bot with SQLite state and a loopback connector. Run once; each test checks one thing about the run.
/// </summary>
public sealed partial class FuzzRun : IAsyncLifetime
{
    public const int Count = 10_000;
    public const int Seed = 15;

    private readonly TempDirectory _data = new();

    public FakeConnector Connector { get; private set; } = null!;

    public BotApp Bot { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public ActivityFuzzer Fuzzer { get; private set; } = null!;

    /// <summary>Status codes by how often they were answered, and for each server error one body that caused it.</summary>
    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    public ConcurrentBag<string> ServerErrors { get; } = [];

    public ConcurrentBag<string> Unanswered { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Bot = new BotApp(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:DataDirectory"] = _data.Path,

                // Everything the bot and the SDK write, down to Debug, is searched for user text.
                ["Logging:LogLevel:FootDrop"] = "Debug",
                ["Logging:LogLevel:Microsoft.Bot"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            },
            Logs.AddTo);
        Fuzzer = new ActivityFuzzer(Seed, Connector.ServiceUrl);
        var bodies = Enumerable.Range(0, Count).Select(_ => Fuzzer.Next()).ToList();

        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            try
            {
                using var content = new StringContent(item.Body, Encoding.UTF8, "application/json");
                using var response = await Bot.Http.PostAsync("/api/messages", content);
                var status = (int)response.StatusCode;
                Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500 && !(status == 501 && item.IsInvoke))
                {
                    ServerErrors.Add($"{status}: {item.Body[..Math.Min(item.Body.Length, 400)]}");
                }
            }
            catch (Exception exception)
            {
                Unanswered.Add($"{exception.GetType().Name}: {item.Body[..Math.Min(item.Body.Length, 400)]}");
            }
        });
        Elapsed = DateTime.UtcNow - started;
    }

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        await Connector.DisposeAsync();
        _data.Dispose();
    }

    [GeneratedRegex("qz[A-Z]{8}")]
    public static partial Regex CanaryPattern();
}

public sealed class ActivityFuzzTests(FuzzRun run, ITestOutputHelper output) : IClassFixture<FuzzRun>
{
    [Fact]
    public void Ten_thousand_activities_get_no_5xx_but_501_for_an_invoke_the_bot_does_not_handle()
    {
        output.WriteLine($"{FuzzRun.Count} activities (seed {FuzzRun.Seed}) in {run.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", run.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))
            + $"; {run.Connector.Received.Count} replies posted to the connector; "
            + $"{run.Logs.Entries.Count(e => e.Message.StartsWith("Turn failed", StringComparison.Ordinal))} failed turns logged");

        Assert.Equal(FuzzRun.Count, run.Statuses.Values.Sum() + run.Unanswered.Count);
        Assert.True(run.ServerErrors.IsEmpty, string.Join("\n", run.ServerErrors.Take(5)));
    }

    [Fact]
    public void Every_activity_got_an_answer()
    {
        Assert.True(run.Unanswered.IsEmpty, string.Join("\n", run.Unanswered.Take(5)));
    }

    [Fact]
    public async Task Afterwards_the_bot_still_answers_a_new_conversation_and_its_health_check()
    {
        var health = await run.Bot.Http.GetAsync("/healthz");
        var reply = await run.Bot.PostActivityAsync(Activities.EmulatorMessage(run.Connector.ServiceUrl, "after-the-fuzz", "what causes foot drop").ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var activities = (JArray)JObject.Parse(await reply.Content.ReadAsStringAsync())["activities"]!;
        Assert.StartsWith("Common causes", activities.First(a => a.Value<string>("type") == ActivityTypes.Message).Value<string>("text"));
    }

    [Fact]
    public void No_text_a_user_sent_reaches_the_logs()
    {
        var leaks = run.Logs.Entries
            .Select(e => e.ToString())
            .Where(text => FuzzRun.CanaryPattern().Matches(text).Any(m => run.Fuzzer.Canaries.Contains(m.Value)))
            .ToList();

        output.WriteLine($"{run.Logs.Entries.Count} log entries searched for {run.Fuzzer.Canaries.Count} canaries");
        Assert.NotEmpty(run.Logs.Entries);
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));
    }
}
