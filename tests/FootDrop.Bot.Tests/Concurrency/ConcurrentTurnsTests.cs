using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Tests.Concurrency;

/// <summary>
/// Messages that arrive together on one conversation, at one instance of the bot or spread over several sharing one
/// database: every turn counts exactly once and every reply shows the state its turn saved.
/// </summary>
public abstract class ConcurrentTurnsTests : IAsyncLifetime
{
    private const int Messages = 20;

    private readonly List<IStorage> _storages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            await CloseAsync(storage);
        }

        await DisposeLocationAsync();
    }

    /// <summary>A store on this test's database; each call is a new connection pool, as a separate instance would have.</summary>
    protected abstract IStorage OpenStorage();

    protected abstract Task CloseAsync(IStorage storage);

    protected abstract Task DisposeLocationAsync();

    [StorageFact]
    public async Task Twenty_messages_at_once_on_one_conversation_all_count()
    {
        var bot = new BotInstance(Open(), "conv-20");

        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => Task.Run(() => bot.SendAsync($"message {i}"))));

        Assert.Equal((Messages, Messages), await bot.ReadCountersAsync());
    }

    [StorageFact]
    public async Task Twenty_messages_at_once_get_the_counts_one_to_twenty_each_once()
    {
        var bot = new BotInstance(Open(), "conv-20");

        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => Task.Run(() => bot.SendAsync($"message {i}"))));

        Assert.Equal(Enumerable.Range(1, Messages), bot.Replies().Select(CounterBot.CountIn).Order());
    }

    [StorageFact]
    public async Task Two_instances_taking_turns_on_one_conversation_lose_no_update()
    {
        var first = new BotInstance(Open(), "conv-shared");
        var second = new BotInstance(Open(), "conv-shared");

        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).SendAsync($"message {i}"))));

        Assert.Equal((Messages, Messages), await first.ReadCountersAsync());
    }

    [StorageFact]
    public async Task Two_instances_taking_turns_on_one_conversation_send_each_count_once()
    {
        var first = new BotInstance(Open(), "conv-shared");
        var second = new BotInstance(Open(), "conv-shared");

        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).SendAsync($"message {i}"))));

        Assert.Equal(Enumerable.Range(1, Messages), first.Replies().Concat(second.Replies()).Select(CounterBot.CountIn).Order());
    }

    [StorageFact]
    public async Task One_user_in_two_conversations_on_two_instances_loses_no_user_state_update()
    {
        // Turns of different conversations never wait for each other, so only the eTag protects the shared user state,
        // including its very first save, when neither turn found any state to carry an eTag.
        var inTeams = new BotInstance(Open(), "conv-teams");
        var onWebsite = new BotInstance(Open(), "conv-website");

        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => Task.Run(() => (i % 2 == 0 ? inTeams : onWebsite).SendAsync($"message {i}", userId: "same-person"))));

        Assert.Equal(Messages, (await inTeams.ReadCountersAsync("same-person")).User);
    }

    [StorageFact]
    public async Task No_lock_is_kept_for_a_conversation_once_its_turns_are_over()
    {
        var bot = new BotInstance(Open(), "conv-locks");

        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => Task.Run(() => bot.SendAsync($"message {i}"))));

        Assert.Equal(0, bot.Runner.BusyConversations);
    }

    private IStorage Open()
    {
        var storage = OpenStorage();
        _storages.Add(storage);
        return storage;
    }
}

public sealed class SqliteConcurrentTurnsTests : ConcurrentTurnsTests
{
    private readonly TempDirectory _data = new();

    protected override IStorage OpenStorage() => SqliteStorage.InDirectory(_data.Path);

    protected override Task CloseAsync(IStorage storage)
    {
        ((SqliteStorage)storage).Dispose();
        return Task.CompletedTask;
    }

    protected override Task DisposeLocationAsync()
    {
        _data.Dispose();
        return Task.CompletedTask;
    }
}

[RequiresPostgres]
public sealed class PostgresConcurrentTurnsTests : ConcurrentTurnsTests
{
    private readonly string _table = TestPostgres.NewTableName();

    protected override IStorage OpenStorage() => TestPostgres.CreateStorage(tableName: _table);

    protected override Task CloseAsync(IStorage storage) => ((PostgresStorage)storage).DisposeAsync().AsTask();

    protected override async Task DisposeLocationAsync()
    {
        if (TestPostgres.ConnectionString is not null)
        {
            await using var storage = TestPostgres.CreateStorage(tableName: _table);
            await storage.DropTableAsync();
        }
    }
}
