using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>
/// What our durable stores promise beyond MemoryStorage: optimistic concurrency through <see cref="BotState"/>, a
/// conflict type of their own, all-or-nothing writes, data that outlives the process, and idle conversation expiry.
/// </summary>
public abstract class DurableStorageContractTests : StorageContractTests
{
    private readonly List<RelationalStorage> _opened = [];

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));

    protected RelationalStorage Durable => (RelationalStorage)Storage;

    public override async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await CloseAsync(storage);
        }

        await DisposeLocationAsync();
    }

    /// <summary>A store on this test's database (the same one every call), stamping writes with <paramref name="clock"/>.</summary>
    protected abstract RelationalStorage OpenStorage(TimeProvider clock);

    protected abstract Task CloseAsync(RelationalStorage storage);

    protected abstract Task DisposeLocationAsync();

    protected RelationalStorage OpenAnother()
    {
        var storage = OpenStorage(Clock);
        _opened.Add(storage);
        return storage;
    }

    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(OpenAnother());

    protected override async Task AssertConflictAsync(Func<Task> write) => await Assert.ThrowsAsync<StorageConflictException>(write);

    [StorageFact]
    public async Task Bot_state_saved_from_a_stale_load_is_refused()
    {
        var state = new ConversationState(Storage);
        var counter = state.CreateProperty<int>("counter");
        var creating = TestActivities.Turn("c1");
        await counter.SetAsync(creating, 0);
        await state.SaveChangesAsync(creating);
        var first = TestActivities.Turn("c1");
        var second = TestActivities.Turn("c1");
        await state.LoadAsync(first);
        await state.LoadAsync(second);

        await counter.SetAsync(first, 1);
        await state.SaveChangesAsync(first);
        await counter.SetAsync(second, 1);

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(second));
    }

    // As the Cosmos DB and Blob providers do; MemoryStorage instead refuses a store item without an eTag once the key exists.
    [StorageFact]
    public async Task Writing_without_an_eTag_replaces_what_is_stored()
    {
        await WriteAsync("note", new Note { Text = "first" });

        await WriteAsync("note", new Note { Text = "second", ETag = null });

        Assert.Equal("second", Assert.IsType<Note>(await ReadOneAsync("note")).Text);
    }

    [StorageFact]
    public async Task Bot_state_saved_twice_in_one_turn_succeeds_both_times()
    {
        var state = new ConversationState(Storage);
        var counter = state.CreateProperty<int>("counter");
        var turn = TestActivities.Turn("c1");

        await counter.SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);
        await counter.SetAsync(turn, 2);
        await state.SaveChangesAsync(turn);

        var reloaded = TestActivities.Turn("c1");
        Assert.Equal(2, await counter.GetAsync(reloaded, () => 0));
    }

    [StorageFact]
    public async Task The_stored_document_never_keeps_the_eTag()
    {
        var state = new Dictionary<string, object> { ["eTag"] = "*", ["value"] = 1 };
        await WriteAsync("k", state);

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>(await ReadOneAsync("k"));

        Assert.Equal(state["eTag"], read["eTag"]);
        Assert.NotEqual("*", read["eTag"]);
    }

    [StorageFact]
    public async Task A_save_from_before_a_delete_does_not_bring_the_item_back()
    {
        await WriteAsync("note", new Note { Text = "first" });
        var stale = Assert.IsType<Note>(await ReadOneAsync("note"));
        await Storage.DeleteAsync(["note"], CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync("note", stale));
        Assert.Null(await ReadOneAsync("note"));
    }

    [StorageFact]
    public async Task A_turn_that_found_no_item_cannot_overwrite_one_created_meanwhile()
    {
        var other = OpenAnother();

        await Assert.ThrowsAsync<StorageConflictException>(() => InTurnScopeAsync(async () =>
        {
            Assert.Null(await ReadOneAsync("test/conversations/new"));
            await other.WriteAsync(new Dictionary<string, object> { ["test/conversations/new"] = new Dictionary<string, object> { ["by"] = "other" } }, CancellationToken.None);
            await WriteAsync("test/conversations/new", new Dictionary<string, object> { ["by"] = "this turn" });
        }));

        var stored = Assert.IsAssignableFrom<IDictionary<string, object>>(await ReadOneAsync("test/conversations/new"));
        Assert.Equal("other", stored["by"]);
    }

    [StorageFact]
    public async Task The_saves_of_one_turn_are_committed_all_or_none()
    {
        await WriteAsync("test/users/u1", new Dictionary<string, object> { ["setsDone"] = 1L });
        var stale = await ReadOneAsync("test/users/u1");
        await WriteAsync("test/users/u1", new Dictionary<string, object> { ["setsDone"] = 2L });

        await Assert.ThrowsAsync<StorageConflictException>(() => InTurnScopeAsync(async () =>
        {
            await WriteAsync("test/conversations/c1", new Dictionary<string, object> { ["step"] = 1L });
            await WriteAsync("test/users/u1", stale!);
        }));

        Assert.Null(await ReadOneAsync("test/conversations/c1"));
    }

    [StorageFact]
    public async Task A_turn_reads_back_what_it_saved_before_it_is_committed()
    {
        object? readBack = null;

        await InTurnScopeAsync(async () =>
        {
            await WriteAsync("test/conversations/c1", new Dictionary<string, object> { ["step"] = 3L });
            readBack = await ReadOneAsync("test/conversations/c1");
        });

        Assert.Equal(3L, Assert.IsAssignableFrom<IDictionary<string, object>>(readBack)["step"]);
    }

    [StorageFact]
    public async Task Writes_in_one_call_are_applied_all_or_none()
    {
        await WriteAsync("b", new Note { Text = "b1" });
        var stale = Assert.IsType<Note>(await ReadOneAsync("b"));
        await WriteAsync("b", new Note { Text = "b2" });

        var changes = new Dictionary<string, object>
        {
            ["a"] = new Note { Text = "a1" },
            ["b"] = stale,
        };
        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(changes, CancellationToken.None));

        Assert.Null(await ReadOneAsync("a"));
    }

    [StorageFact]
    public async Task State_written_before_a_restart_is_read_after_it()
    {
        await WriteAsync("test/users/u1", new Dictionary<string, object> { ["setsDone"] = 2L });
        await CloseAsync(Durable);

        var reopened = OpenAnother();
        var items = await reopened.ReadAsync(["test/users/u1"], CancellationToken.None);

        Assert.Equal(2L, Assert.IsAssignableFrom<IDictionary<string, object>>(items["test/users/u1"])["setsDone"]);
    }

    [StorageFact]
    public async Task Conversation_state_idle_longer_than_the_timeout_expires()
    {
        await WriteAsync(TestActivities.ConversationKey("old"), new Dictionary<string, object> { ["step"] = 1L });
        Clock.Advance(TimeSpan.FromHours(25));

        var deleted = await Durable.DeleteConversationStateWrittenBeforeAsync(Clock.GetUtcNow() - TimeSpan.FromHours(24), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await ReadOneAsync(TestActivities.ConversationKey("old")));
    }

    [StorageFact]
    public async Task Conversation_state_written_within_the_timeout_is_kept()
    {
        await WriteAsync(TestActivities.ConversationKey("old"), new Dictionary<string, object> { ["step"] = 1L });
        Clock.Advance(TimeSpan.FromHours(23));
        await WriteAsync(TestActivities.ConversationKey("old"), new Dictionary<string, object> { ["step"] = 2L });
        Clock.Advance(TimeSpan.FromHours(2));

        await Durable.DeleteConversationStateWrittenBeforeAsync(Clock.GetUtcNow() - TimeSpan.FromHours(24), CancellationToken.None);

        Assert.NotNull(await ReadOneAsync(TestActivities.ConversationKey("old")));
    }

    [StorageFact]
    public async Task Private_conversation_state_expires_with_the_conversation()
    {
        var key = TestActivities.ConversationKey("old") + "/users/u1";
        await WriteAsync(key, new Dictionary<string, object> { ["step"] = 1L });
        Clock.Advance(TimeSpan.FromHours(25));

        await Durable.DeleteConversationStateWrittenBeforeAsync(Clock.GetUtcNow() - TimeSpan.FromHours(24), CancellationToken.None);

        Assert.Null(await ReadOneAsync(key));
    }

    [StorageFact]
    public async Task User_state_is_kept_however_long_it_is_idle()
    {
        string[] userKeys = [TestActivities.UserKey("u1"), TestActivities.UserKey("u2/conversations/looks-like-one")];
        foreach (var key in userKeys)
        {
            await WriteAsync(key, new Dictionary<string, object> { ["setsDone"] = 3L });
        }

        Clock.Advance(TimeSpan.FromDays(400));

        await Durable.DeleteConversationStateWrittenBeforeAsync(Clock.GetUtcNow() - TimeSpan.FromHours(24), CancellationToken.None);

        Assert.Equal(userKeys.Length, (await Storage.ReadAsync(userKeys, CancellationToken.None)).Count);
    }

    /// <summary>Runs <paramref name="body"/> as one run of a turn does: inside a storage scope of its own.</summary>
    private static async Task InTurnScopeAsync(Func<Task> body)
    {
        var scope = TurnStorageScope.Begin();
        await body();
        await scope.CommitAsync(CancellationToken.None);
    }
}

public sealed class SqliteStorageContractTests : DurableStorageContractTests
{
    private readonly TempDirectory _data = new();

    protected override RelationalStorage OpenStorage(TimeProvider clock) => SqliteStorage.InDirectory(_data.Path, clock);

    protected override Task CloseAsync(RelationalStorage storage)
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
public sealed class PostgresStorageContractTests : DurableStorageContractTests
{
    private readonly string _table = TestPostgres.NewTableName();

    protected override RelationalStorage OpenStorage(TimeProvider clock) => TestPostgres.CreateStorage(clock, _table);

    protected override Task CloseAsync(RelationalStorage storage) => ((PostgresStorage)storage).DisposeAsync().AsTask();

    protected override async Task DisposeLocationAsync()
    {
        if (TestPostgres.ConnectionString is not null)
        {
            await using var storage = TestPostgres.CreateStorage(tableName: _table);
            await storage.DropTableAsync();
        }
    }
}
