using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>
/// The <see cref="IStorage"/> contract as Bot Builder's own providers keep it, run against every provider:
/// Bot Builder's MemoryStorage and our SQLite and PostgreSQL stores.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    protected IStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IStorage> CreateStorageAsync();

    /// <summary>MemoryStorage refuses with a plain exception saying "Etag conflict"; our stores with their own type.</summary>
    protected virtual async Task AssertConflictAsync(Func<Task> write)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(write);
        Assert.Contains("Etag conflict", exception.Message, StringComparison.Ordinal);
    }

    protected Task WriteAsync(string key, object item) => Storage.WriteAsync(new Dictionary<string, object> { [key] = item }, CancellationToken.None);

    protected async Task<object?> ReadOneAsync(string key)
    {
        var items = await Storage.ReadAsync([key], CancellationToken.None);
        return items.TryGetValue(key, out var item) ? item : null;
    }

    [StorageFact]
    public async Task Reading_a_key_never_written_returns_nothing()
    {
        var items = await Storage.ReadAsync(["never-written"], CancellationToken.None);

        Assert.Empty(items);
    }

    [StorageFact]
    public async Task Reading_several_keys_returns_only_those_that_exist()
    {
        await WriteAsync("present", new Note { Text = "here" });

        var items = await Storage.ReadAsync(["present", "absent"], CancellationToken.None);

        Assert.Equal(["present"], items.Keys);
    }

    [StorageFact]
    public async Task A_written_item_reads_back_as_the_same_type_with_the_same_values()
    {
        await WriteAsync("note", new Note { Text = "ankle dorsiflexion", Count = 3 });

        var note = Assert.IsType<Note>(await ReadOneAsync("note"));

        Assert.Equal("ankle dorsiflexion", note.Text);
        Assert.Equal(3, note.Count);
    }

    [StorageFact]
    public async Task Bot_state_dictionaries_read_back_with_their_typed_values()
    {
        var lastDone = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));
        var state = new Dictionary<string, object>
        {
            ["progress"] = new ExerciseProgress { Exercise = "towel stretch", SetsDone = 2, LastDone = lastDone, Notes = ["left", "right"] },
            ["askedName"] = true,
        };

        await WriteAsync("test/users/u1", state);

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>(await ReadOneAsync("test/users/u1"));
        var progress = Assert.IsType<ExerciseProgress>(read["progress"]);
        Assert.Equal(("towel stretch", 2, lastDone), (progress.Exercise, progress.SetsDone, progress.LastDone));
        Assert.Equal(["left", "right"], progress.Notes);
        Assert.Equal(true, read["askedName"]);
    }

    [StorageFact]
    public async Task A_string_that_looks_like_a_date_stays_the_same_string()
    {
        await WriteAsync("note", new Note { Text = "2025-03-01T09:30:00Z" });

        var note = Assert.IsType<Note>(await ReadOneAsync("note"));

        Assert.Equal("2025-03-01T09:30:00Z", note.Text);
    }

    [StorageFact]
    public async Task Writing_with_the_star_eTag_replaces_what_is_stored()
    {
        await WriteAsync("note", new Note { Text = "first" });

        await WriteAsync("note", new Note { Text = "second", ETag = "*" });

        Assert.Equal("second", Assert.IsType<Note>(await ReadOneAsync("note")).Text);
    }

    [StorageFact]
    public async Task A_store_item_read_back_carries_an_eTag()
    {
        await WriteAsync("note", new Note { Text = "first" });

        var note = Assert.IsType<Note>(await ReadOneAsync("note"));

        Assert.False(string.IsNullOrEmpty(note.ETag));
    }

    [StorageFact]
    public async Task Writing_with_the_eTag_just_read_succeeds()
    {
        await WriteAsync("note", new Note { Text = "first" });
        var note = Assert.IsType<Note>(await ReadOneAsync("note"));

        note.Text = "second";
        await WriteAsync("note", note);

        Assert.Equal("second", Assert.IsType<Note>(await ReadOneAsync("note")).Text);
    }

    [StorageFact]
    public async Task Writing_with_an_eTag_that_no_longer_matches_is_refused()
    {
        await WriteAsync("note", new Note { Text = "first" });
        var stale = Assert.IsType<Note>(await ReadOneAsync("note"));
        var fresh = Assert.IsType<Note>(await ReadOneAsync("note"));
        fresh.Text = "someone else";
        await WriteAsync("note", fresh);

        stale.Text = "lost update";
        await AssertConflictAsync(() => WriteAsync("note", stale));
    }

    [StorageFact]
    public async Task A_refused_write_leaves_the_stored_item_as_it_was()
    {
        await WriteAsync("note", new Note { Text = "first" });
        var stale = Assert.IsType<Note>(await ReadOneAsync("note"));
        var fresh = Assert.IsType<Note>(await ReadOneAsync("note"));
        fresh.Text = "someone else";
        await WriteAsync("note", fresh);

        stale.Text = "lost update";
        await AssertConflictAsync(() => WriteAsync("note", stale));

        Assert.Equal("someone else", Assert.IsType<Note>(await ReadOneAsync("note")).Text);
    }

    [StorageFact]
    public async Task Deleting_a_key_removes_its_item()
    {
        await WriteAsync("note", new Note { Text = "first" });

        await Storage.DeleteAsync(["note"], CancellationToken.None);

        Assert.Null(await ReadOneAsync("note"));
    }

    [StorageFact]
    public async Task Deleting_a_key_never_written_is_not_an_error()
    {
        await Storage.DeleteAsync(["never-written"], CancellationToken.None);

        Assert.Null(await ReadOneAsync("never-written"));
    }

    [StorageFact]
    public async Task Keys_of_any_length_and_characters_are_kept_apart_exactly()
    {
        string[] keys =
        [
            "msteams/conversations/a:1" + new string('x', 5000),
            "msteams/conversations/a:1" + new string('x', 4999) + "y",
            "webchat/conversations/Émoji 🦶 ünïcode",
            "webchat/conversations/quotes ' \" ` and ; -- DROP TABLE",
            "webchat/conversations/wildcards % _ * ? [a]",
            "webchat/conversations/slashes/and\\back\\slashes",
            "webchat/conversations/new\nline\ttab",
            "webchat/conversations/nul\0inside",
            "Key",
            "key",
            "key ",
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            await WriteAsync(keys[i], new Note { Count = i });
        }

        var items = await Storage.ReadAsync(keys, CancellationToken.None);

        Assert.Equal(keys.Length, items.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, Assert.IsType<Note>(items[keys[i]]).Count);
        }
    }

    public sealed class Note : IStoreItem
    {
        public string? ETag { get; set; }

        public string? Text { get; set; }

        public int Count { get; set; }
    }

    public sealed class ExerciseProgress
    {
        public string? Exercise { get; set; }

        public int SetsDone { get; set; }

        public DateTimeOffset LastDone { get; set; }

        public List<string> Notes { get; set; } = [];
    }
}

public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new MemoryStorage());
}
