using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Concurrency;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>"Delete my data" as a dialog will ask for it, in a turn run the way the host runs it.</summary>
public sealed class UserDataEraserTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly SqliteStorage _storage;
    private readonly ReferenceStore _references;

    public UserDataEraserTests()
    {
        _storage = SqliteStorage.InDirectory(_data.Path);
        _references = new ReferenceStore(_storage);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task After_delete_my_data_nothing_of_the_conversation_or_the_user_is_stored()
    {
        var bot = CreateBot("conv-1");
        await bot.SendAsync("hello", "user-1");
        await bot.SendAsync("hello again", "user-1");

        await bot.SendAsync("delete my data", "user-1");

        Assert.Empty(await _storage.ReadAsync([TestActivities.ConversationKey("conv-1"), TestActivities.UserKey("user-1"), ReferenceStore.KeyOf("user-1")], CancellationToken.None));
    }

    [Fact]
    public async Task Delete_my_data_clears_every_registered_store()
    {
        var bot = CreateBot("conv-1");
        await bot.SendAsync("hello", "user-1");
        Assert.Single(await _storage.ReadAsync([ReferenceStore.KeyOf("user-1")], CancellationToken.None));

        await bot.SendAsync("delete my data", "user-1");

        Assert.Empty(await _storage.ReadAsync([ReferenceStore.KeyOf("user-1")], CancellationToken.None));
    }

    [Fact]
    public async Task State_the_turn_changes_after_erasing_is_not_saved()
    {
        var bot = CreateBot("conv-1");
        await bot.SendAsync("hello", "user-1");

        await bot.SendAsync("delete my data, then keep going", "user-1");

        Assert.Empty(await _storage.ReadAsync([TestActivities.ConversationKey("conv-1"), TestActivities.UserKey("user-1")], CancellationToken.None));
    }

    [Fact]
    public async Task Other_users_keep_their_data()
    {
        var mine = CreateBot("conv-1");
        var theirs = CreateBot("conv-2");
        await mine.SendAsync("hello", "user-1");
        await theirs.SendAsync("hello", "user-2");

        await mine.SendAsync("delete my data", "user-1");

        Assert.Equal(3, (await _storage.ReadAsync([TestActivities.ConversationKey("conv-2"), TestActivities.UserKey("user-2"), ReferenceStore.KeyOf("user-2")], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task The_user_can_start_again_after_erasing()
    {
        var bot = CreateBot("conv-1");
        await bot.SendAsync("hello", "user-1");
        await bot.SendAsync("delete my data", "user-1");

        await bot.SendAsync("hello", "user-1");

        Assert.Equal((1, 1), await bot.ReadCountersAsync("user-1"));
    }

    /// <summary>A bot that counts messages, remembers where to reach the user, and erases on request.</summary>
    private BotInstance CreateBot(string conversationId)
    {
        BotInstance instance = null!;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            var conversationCounter = instance.ConversationState.CreateProperty<CounterBot.Counter>("counter");
            var userCounter = instance.UserState.CreateProperty<CounterBot.Counter>("messages");
            var conversation = await conversationCounter.GetAsync(turn, () => new CounterBot.Counter(), ct);
            var user = await userCounter.GetAsync(turn, () => new CounterBot.Counter(), ct);

            if (turn.Activity.Text.StartsWith("delete my data", StringComparison.Ordinal))
            {
                var eraser = new UserDataEraser(instance.ConversationState, instance.UserState, [_references], NullLogger<UserDataEraser>.Instance);
                await eraser.EraseAsync(turn, ct);
                if (turn.Activity.Text.EndsWith("keep going", StringComparison.Ordinal))
                {
                    // What a dialog that carries on after the erase might do with what it loaded before.
                    conversation.Value++;
                    await conversationCounter.SetAsync(turn, conversation, ct);
                    await userCounter.SetAsync(turn, user, ct);
                }
            }
            else
            {
                conversation.Value++;
                user.Value++;
                await _references.RememberAsync(turn.Activity.From.Id, ct);
            }

            await instance.ConversationState.SaveChangesAsync(turn, false, ct);
            await instance.UserState.SaveChangesAsync(turn, false, ct);
        });
        instance = new BotInstance(_storage, conversationId, bot);
        return instance;
    }

    /// <summary>Stands for the Direct Line and hold-timer components, which keep conversation references per user.</summary>
    private sealed class ReferenceStore(IStorage storage) : IUserDataStore
    {
        public static string KeyOf(string userId) => $"references/{userId}";

        public Task RememberAsync(string userId, CancellationToken cancellationToken)
            => storage.WriteAsync(new Dictionary<string, object> { [KeyOf(userId)] = new Dictionary<string, object> { ["serviceUrl"] = "https://test.invalid/" } }, cancellationToken);

        public Task EraseAsync(UserDataOwner owner, CancellationToken cancellationToken)
            => storage.DeleteAsync([KeyOf(owner.UserId)], cancellationToken);
    }
}
