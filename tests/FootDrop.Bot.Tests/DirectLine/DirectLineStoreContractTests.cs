using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>
/// What every built-in Direct Line store promises, in memory, in SQLite and in PostgreSQL alike: transcripts in order
/// with watermarks that keep counting, the per-conversation and total bounds, idle expiry, the cap on live
/// conversations, and the erase of "delete my data". Small limits, so the bounds show with a few activities.
/// </summary>
public abstract class DirectLineStoreContractTests : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected WebChatOptions Settings { get; } = new()
    {
        MaxHistory = 10,
        MaxHistoryBytes = 4 * 1024,
        MaxTotalHistoryBytes = 1024 * 1024,
        MaxConversations = 3,
        ConversationIdleTimeout = TimeSpan.FromMinutes(60),
    };

    protected IDirectLineStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await OpenAsync();
        await Store.EnsureCreatedAsync(CancellationToken.None);
    }

    public abstract Task DisposeAsync();

    /// <summary>A store on this test's database (the same one every call).</summary>
    protected abstract Task<IDirectLineStore> OpenAsync();

    [StorageFact]
    public async Task Appended_activities_come_back_in_order_with_stream_ids_and_the_watermark_of_the_last()
    {
        await Store.StartAsync("c1", "u1", default);

        await Store.AppendAsync("c1", [Message("one"), Message("two")], default);
        await Store.AppendAsync("c1", [Message("three")], default);
        var page = await Store.ReadAsync("c1", null, default);

        Assert.Equal(["one", "two", "three"], Texts(page!));
        Assert.Equal(["c1|0000000", "c1|0000001", "c1|0000002"], page!.Activities.Select(a => Parse(a).Value<string>("id")));
        Assert.Equal(2, page.Watermark);
    }

    [StorageFact]
    public async Task A_read_after_a_watermark_returns_only_the_newer_activities()
    {
        await Store.StartAsync("c1", "u1", default);
        await Store.AppendAsync("c1", [Message("one"), Message("two")], default);
        var first = await Store.ReadAsync("c1", null, default);
        await Store.AppendAsync("c1", [Message("three")], default);

        var next = await Store.ReadAsync("c1", first!.Watermark, default);
        var nothingNew = await Store.ReadAsync("c1", next!.Watermark, default);

        Assert.Equal(["three"], Texts(next));
        Assert.Empty(nothingNew!.Activities);
        Assert.Equal(next.Watermark, nothingNew.Watermark);
    }

    [StorageFact]
    public async Task A_history_keeps_its_newest_activities_up_to_the_count_and_the_watermark_keeps_counting()
    {
        await Store.StartAsync("c1", "u1", default);
        for (var i = 0; i < 15; i++)
        {
            await Store.AppendAsync("c1", [Message("m" + i)], default);
        }

        var page = await Store.ReadAsync("c1", null, default);

        Assert.Equal(Enumerable.Range(5, 10).Select(i => "m" + i), Texts(page!));
        Assert.Equal(14, page!.Watermark);
    }

    [StorageFact]
    public async Task A_history_keeps_its_newest_activities_up_to_the_bytes_and_always_the_newest_however_large()
    {
        await Store.StartAsync("c1", "u1", default);
        for (var i = 0; i < 6; i++)
        {
            await Store.AppendAsync("c1", [Message($"m{i} " + new string('x', 1000))], default);
        }

        var bounded = await Store.ReadAsync("c1", null, default);
        await Store.AppendAsync("c1", [Message("huge " + new string('y', 10_000))], default);
        var afterHuge = await Store.ReadAsync("c1", null, default);

        Assert.InRange(bounded!.Activities.Sum(a => (long)a.Length + DirectLineActivities.EntryOverheadBytes), 2048, Settings.MaxHistoryBytes);
        Assert.StartsWith("m5 ", Texts(bounded).Last());
        Assert.DoesNotContain(Texts(bounded), t => t.StartsWith("m0 ", StringComparison.Ordinal));
        Assert.Equal("huge", Assert.Single(Texts(afterHuge!)).Split(' ')[0]);
        Assert.Equal(await Store.HistoryBytesAsync(default), afterHuge!.Activities.Sum(a => (long)a.Length + DirectLineActivities.EntryOverheadBytes));
    }

    [StorageFact]
    public async Task Over_the_total_budget_the_heaviest_history_loses_its_oldest_activities_not_its_neighbours()
    {
        Settings.MaxHistoryBytes = 16 * 1024 * 1024;
        Settings.MaxHistory = 10_000;
        Settings.MaxTotalHistoryBytes = 1024 * 1024;
        await Store.StartAsync("neighbour", "u1", default);
        await Store.AppendAsync("neighbour", [Message("hello")], default);
        await Store.StartAsync("heavy", "u2", default);

        for (var i = 0; i < 8; i++)
        {
            await Store.AppendAsync("heavy", [Message($"long {i} " + new string('y', 200_000))], default);
            await Store.KeepWithinBudgetAsync(default);
        }

        Assert.InRange(await Store.HistoryBytesAsync(default), 1, Settings.MaxTotalHistoryBytes);
        Assert.Equal(["hello"], Texts((await Store.ReadAsync("neighbour", null, default))!));
        var heavy = Texts((await Store.ReadAsync("heavy", null, default))!);
        Assert.StartsWith("long 7 ", heavy.Last());
        Assert.DoesNotContain(heavy, t => t.StartsWith("long 0 ", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task An_idle_conversation_is_gone_for_reads_appends_and_resumes_and_starts_afresh()
    {
        await Store.StartAsync("c1", "u1", default);
        await Store.AppendAsync("c1", [Message("before")], default);

        Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Null(await Store.FindAsync("c1", default));
        Assert.Null(await Store.ReadAsync("c1", null, default));
        Assert.False(await Store.AppendAsync("c1", [Message("late")], default));
        Assert.Equal(ConversationStart.Started, await Store.StartAsync("c1", "u1", default));
        Assert.Empty((await Store.ReadAsync("c1", null, default))!.Activities);
    }

    [StorageFact]
    public async Task Activity_keeps_a_conversation_alive_past_the_idle_time_of_its_start()
    {
        await Store.StartAsync("c1", "u1", default);
        Clock.Advance(TimeSpan.FromMinutes(50));
        await Store.AppendAsync("c1", [Message("still here")], default);

        Clock.Advance(TimeSpan.FromMinutes(50));

        Assert.NotNull(await Store.FindAsync("c1", default));
    }

    [StorageFact]
    public async Task Housekeeping_forgets_idle_conversations_and_their_transcripts()
    {
        await Store.StartAsync("idle", "u1", default);
        await Store.AppendAsync("idle", [Message("old")], default);
        Clock.Advance(TimeSpan.FromMinutes(61));
        await Store.StartAsync("live", "u2", default);

        var removed = await Store.RemoveIdleAsync(default);

        Assert.Equal(1, removed);
        Assert.Equal(1, await Store.CountAsync(default));
        Assert.Equal(0, await Store.HistoryBytesAsync(default));
    }

    [StorageFact]
    public async Task At_the_cap_a_new_conversation_is_refused_until_one_goes_idle_and_a_live_one_still_resumes()
    {
        await Store.StartAsync("a", "u", default);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Store.StartAsync("b", "u", default);
        await Store.StartAsync("c", "u", default);

        Assert.True(await Store.IsFullAsync(default));
        Assert.Equal(ConversationStart.Full, await Store.StartAsync("d", "u", default));
        Assert.Equal(ConversationStart.Resumed, await Store.StartAsync("b", "u", default));
        Assert.Equal(TimeSpan.FromMinutes(50), await Store.RetryAfterWhenFullAsync(default));

        Clock.Advance(TimeSpan.FromMinutes(50) + TimeSpan.FromSeconds(1));

        Assert.Equal(ConversationStart.Started, await Store.StartAsync("d", "u", default));
    }

    [StorageFact]
    public async Task Erasing_drops_the_transcript_marks_the_conversation_and_leaves_it_open_for_the_confirmation()
    {
        await Store.StartAsync("c1", "u1", default);
        await Store.AppendAsync("c1", [Message("my foot went numb"), Message("delete my data")], default);

        await Store.EraseAsync("c1", long.MaxValue, default);
        await Store.AppendAsync("c1", [Message("Done: your data is deleted.")], default);

        Assert.Equal(new DirectLineConversation("c1", "u1", Erased: true), await Store.FindAsync("c1", default));
        Assert.Equal(["Done: your data is deleted."], Texts((await Store.ReadAsync("c1", null, default))!));
    }

    [StorageFact]
    public async Task Erasing_keeps_the_message_that_asked_for_it_and_what_follows()
    {
        await Store.StartAsync("c1", "u1", default);
        await Store.AppendAsync("c1", [Message("my foot went numb"), Message("delete my data")], default);
        var yes = Message("yes");
        await Store.AppendAsync("c1", [yes], default);

        await Store.EraseAsync("c1", DirectLineActivities.SequenceOf("c1", yes.Id)!.Value, default);
        await Store.AppendAsync("c1", [Message("Done: your data is deleted.")], default);

        Assert.Equal(["yes", "Done: your data is deleted."], Texts((await Store.ReadAsync("c1", null, default))!));
        Assert.InRange(await Store.HistoryBytesAsync(default), 1, 2_000);
    }

    [StorageFact]
    public async Task A_conversation_belongs_to_the_user_it_was_started_for()
    {
        await Store.StartAsync("c1", "u1", default);

        Assert.Equal(new DirectLineConversation("c1", "u1", Erased: false), await Store.FindAsync("c1", default));
        Assert.Null(await Store.FindAsync("never-started", default));
    }

    protected static Activity Message(string text) => new(ActivityTypes.Message) { Text = text, From = new ChannelAccount("u", role: RoleTypes.User) };

    protected static JObject Parse(byte[] json) => JObject.Parse(System.Text.Encoding.UTF8.GetString(json));

    protected static List<string> Texts(ActivityPage page) => [.. page.Activities.Select(a => Parse(a).Value<string>("text") ?? string.Empty)];
}

public sealed class MemoryDirectLineStoreContractTests : DirectLineStoreContractTests
{
    public override Task DisposeAsync() => Task.CompletedTask;

    protected override Task<IDirectLineStore> OpenAsync() => Task.FromResult<IDirectLineStore>(new MemoryDirectLineStore(Options.Create(Settings), Clock));
}

/// <summary>Besides the contract: what a durable store keeps across a restart, and the signing key every instance shares.</summary>
public abstract class DurableDirectLineStoreContractTests : DirectLineStoreContractTests
{
    [StorageFact]
    public async Task A_conversation_and_its_transcript_outlive_the_store_that_wrote_them()
    {
        await Store.StartAsync("c1", "u1", default);
        await Store.AppendAsync("c1", [Message("one"), Message("two")], default);

        var reopened = await OpenAsync();
        await reopened.AppendAsync("c1", [Message("three")], default);

        Assert.Equal(["one", "two", "three"], Texts((await reopened.ReadAsync("c1", null, default))!));
        Assert.Equal(["one", "two", "three"], Texts((await Store.ReadAsync("c1", null, default))!));
    }

    [StorageFact]
    public async Task Every_store_on_the_database_gets_the_same_signing_key_made_once()
    {
        var first = await Store.GetOrCreateSigningKeyAsync(default);
        var other = await (await OpenAsync()).GetOrCreateSigningKeyAsync(default);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, other);
    }

    [StorageFact]
    public async Task Appends_from_two_stores_at_once_reach_a_reader_in_one_order_without_gaps()
    {
        var other = await OpenAsync();
        await Store.StartAsync("c1", "u1", default);
        Settings.MaxHistory = 1_000;
        Settings.MaxHistoryBytes = 16 * 1024 * 1024;
        var writers = new[] { Store, other }.Select((store, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await store.AppendAsync("c1", [Message($"w{w}-{i}")], default);
            }
        })).ToArray();

        // A reader polling with its watermark while the writers run, as a page does.
        var received = new List<string>();
        long? watermark = null;
        while (!writers.All(w => w.IsCompleted) || received.Count < 80)
        {
            var page = await Store.ReadAsync("c1", watermark, default);
            received.AddRange(page!.Activities.Select(a => Parse(a).Value<string>("id")!));
            watermark = page.Watermark;
            Assert.True(received.Count <= 80);
        }

        await Task.WhenAll(writers);
        Assert.Equal(Enumerable.Range(0, 80).Select(i => DirectLineActivities.Id("c1", i)), received);
    }
}

public sealed class SqliteDirectLineStoreContractTests : DurableDirectLineStoreContractTests
{
    private readonly TempDirectory _data = new();
    private readonly List<SqliteStorage> _opened = [];

    public override Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        _data.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<IDirectLineStore> OpenAsync()
    {
        var storage = SqliteStorage.InDirectory(_data.Path, Clock);
        _opened.Add(storage);
        return Task.FromResult<IDirectLineStore>(new SqliteDirectLineStore(storage, Options.Create(Settings), Clock));
    }
}

[RequiresPostgres]
public sealed class PostgresDirectLineStoreContractTests : DurableDirectLineStoreContractTests
{
    private readonly List<PostgresStorage> _opened = [];
    private TestDatabase? _database;

    public override async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<IDirectLineStore> OpenAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        var storage = new PostgresStorage(_database.ConnectionString, Clock);
        _opened.Add(storage);
        return new PostgresDirectLineStore(storage, Options.Create(Settings), Clock);
    }
}
