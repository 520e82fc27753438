using System.Net;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>Measures the managed heap, so nothing else may run beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement";
}

/// <summary>
/// The memory budget the README states for the built-in Direct Line at the default settings, checked with 1,000 web
/// conversations whose histories are full.
/// </summary>
[Collection(MemoryMeasurement.Name)]
public sealed class DirectLineMemoryBudgetTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The README's figures for the defaults: the transcripts (at most 64 MB), about 3 KB more per live conversation, under 80 MB in all.</summary>
    private const long PerConversationBytes = 3 * 1024;
    private const long BudgetBytes = 80L * 1024 * 1024;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_thousand_conversations_with_full_histories_stay_within_the_documented_budget()
    {
        // Defaults throughout, SQLite state as deployed; only the per-address allowances are lifted, since every
        // simulated visitor comes from 127.0.0.1.
        using var bot = new BotApp(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _data.Path,
            ["WebChat:TokensPerMinute"] = "1000000",
        });
        var client = new DirectLineClient(bot.Http);
        var settings = bot.Services.GetRequiredService<IOptions<WebChatOptions>>().Value;
        var conversations = bot.Services.GetRequiredService<DirectLineConversations>();
        await FillAsync(client, 1, settings.MaxHistoryBytes);
        var before = Heap();

        var started = DateTime.UtcNow;
        await FillAsync(client, 1_000, settings.MaxHistoryBytes);
        var elapsed = DateTime.UtcNow - started;
        var after = Heap();

        var growth = after - before;
        output.WriteLine($"1,000 conversations: heap +{growth / 1024.0 / 1024.0:F1} MB, transcripts {conversations.HistoryBytes / 1024.0 / 1024.0:F1} MB counted, {conversations.Count} live, filled in {elapsed.TotalSeconds:F1} s");
        Assert.Equal(1_001, conversations.Count);
        Assert.InRange(conversations.HistoryBytes, 1_000L * settings.MaxHistoryBytes * 8 / 10, settings.MaxTotalHistoryBytes);
        Assert.True(growth <= conversations.HistoryBytes + (1_000 * PerConversationBytes), $"The heap grew {growth:N0} bytes for {conversations.HistoryBytes:N0} bytes of transcripts.");

        // So the defaults (5,000 conversations, 64 MB of transcripts) stay under the stated budget.
        Assert.True(settings.MaxTotalHistoryBytes + (settings.MaxConversations * PerConversationBytes) <= BudgetBytes);
    }

    /// <summary>
    /// Starts conversations, has one exchange in each, then fills each history past its byte limit. The filling is done
    /// with events (which the bot ignores) of 20 KB rather than long messages, whose red-flag check would make the test
    /// slow: a budget in bytes does not care what the bytes say.
    /// </summary>
    private static async Task FillAsync(DirectLineClient client, int count, int historyBytes)
    {
        var filler = new JObject { ["type"] = "event", ["name"] = "filler", ["value"] = new string('.', 20 * 1024) }.ToString();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var grant = await client.StartNewAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(grant, "what causes foot drop")).StatusCode);
            for (var i = 0; i < historyBytes / (20 * 1024) + 1; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(grant, filler)).StatusCode);
            }
        });
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
