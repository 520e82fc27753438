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
/// conversations whose histories are full. With memory storage the transcripts are on the heap, within the budget;
/// with SQLite (as deployed) they are in the database, bounded by the same settings, and the heap holds none of them.
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
    public async Task A_thousand_conversations_with_full_histories_in_memory_stay_within_the_documented_budget()
    {
        // Defaults throughout, bot state in SQLite (so the heap measures the transcripts alone) and the transcripts in
        // the in-memory store that memory storage uses; only the per-address allowances are lifted, since every
        // simulated visitor comes from 127.0.0.1.
        using var bot = new BotApp(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:DataDirectory"] = _data.Path,
                ["WebChat:TokensPerMinute"] = "1000000",
            },
            services => services.AddSingleton<IDirectLineStore>(sp => new MemoryDirectLineStore(sp.GetRequiredService<IOptions<WebChatOptions>>(), TimeProvider.System)));
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
        var transcripts = await conversations.HistoryBytesAsync();
        output.WriteLine($"1,000 conversations in memory: heap +{growth / 1024.0 / 1024.0:F1} MB, transcripts {transcripts / 1024.0 / 1024.0:F1} MB counted, {await conversations.CountAsync()} live, filled in {elapsed.TotalSeconds:F1} s");
        Assert.Equal(1_001, await conversations.CountAsync());
        Assert.InRange(transcripts, 1_000L * settings.MaxHistoryBytes * 8 / 10, settings.MaxTotalHistoryBytes);
        Assert.True(growth <= transcripts + (1_000 * PerConversationBytes), $"The heap grew {growth:N0} bytes for {transcripts:N0} bytes of transcripts.");

        // So the defaults (5,000 conversations, 64 MB of transcripts) stay under the stated budget.
        Assert.True(settings.MaxTotalHistoryBytes + (settings.MaxConversations * PerConversationBytes) <= BudgetBytes);
    }

    [Fact]
    public async Task A_thousand_conversations_with_full_histories_on_SQLite_keep_their_transcripts_in_the_database_not_the_heap()
    {
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

        await FillAsync(client, 1_000, settings.MaxHistoryBytes);
        var after = Heap();

        var growth = after - before;
        var transcripts = await conversations.HistoryBytesAsync();
        output.WriteLine($"1,000 conversations on SQLite: heap +{growth / 1024.0 / 1024.0:F1} MB, transcripts {transcripts / 1024.0 / 1024.0:F1} MB stored");
        Assert.Equal(1_001, await conversations.CountAsync());
        Assert.InRange(transcripts, 1_000L * settings.MaxHistoryBytes * 8 / 10, settings.MaxTotalHistoryBytes);
        Assert.True(growth <= transcripts / 8, $"The heap grew {growth:N0} bytes for {transcripts:N0} bytes of transcripts kept in SQLite.");
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
