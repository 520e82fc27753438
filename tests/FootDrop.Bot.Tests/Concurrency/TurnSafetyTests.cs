using FootDrop.Bot.Concurrency;
using FootDrop.Bot.Storage;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Tests.Concurrency;

/// <summary>How <see cref="SafeTurnRunner"/> runs one turn: what the user sees, and what the bot sees, when state changes under it.</summary>
public sealed class TurnSafetyTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly SqliteStorage _storage;
    private readonly SqliteStorage _otherInstance;

    public TurnSafetyTests()
    {
        _storage = SqliteStorage.InDirectory(_data.Path);
        _otherInstance = SqliteStorage.InDirectory(_data.Path);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _otherInstance.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_turn_whose_state_changed_under_it_runs_again_and_only_its_last_replies_are_sent()
    {
        BotInstance instance = null!;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            var count = await CountAsync(instance, turn, ct);
            if (run == 1)
            {
                await BumpFromAnotherInstanceAsync(instance, turn);
            }

            await turn.SendActivityAsync($"count {count}", cancellationToken: ct);
            await instance.ConversationState.SaveChangesAsync(turn, false, ct);
        });
        instance = new BotInstance(_storage, "conv", bot);

        await instance.SendAsync("hello");

        Assert.Equal(2, bot.Runs);
        Assert.Equal(["count 2"], instance.Replies().Select(r => ((IMessageActivity)r).Text));
    }

    [Fact]
    public async Task A_turn_that_keeps_finding_its_state_changed_gives_up_after_the_most_runs_allowed()
    {
        BotInstance instance = null!;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            await CountAsync(instance, turn, ct);
            await BumpFromAnotherInstanceAsync(instance, turn);
            await instance.ConversationState.SaveChangesAsync(turn, false, ct);
        });
        instance = new BotInstance(_storage, "conv", bot);

        await Assert.ThrowsAsync<StorageConflictException>(() => instance.SendAsync("hello"));

        Assert.Equal(SafeTurnRunner.MaxAttempts, bot.Runs);
    }

    [Fact]
    public async Task A_failing_turn_still_delivers_what_the_bot_said_before_it_failed()
    {
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            await turn.SendActivityAsync("Please seek care now.", cancellationToken: ct);
            throw new InvalidOperationException("broken after replying");
        });
        var instance = new BotInstance(_storage, "conv", bot);

        await Assert.ThrowsAsync<InvalidOperationException>(() => instance.SendAsync("my foot went numb"));

        Assert.Equal(["Please seek care now."], instance.Replies().Select(r => ((IMessageActivity)r).Text));
    }

    [Fact]
    public async Task Send_handlers_the_bot_registers_still_shape_its_replies()
    {
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            turn.OnSendActivities(async (context, activities, next) =>
            {
                activities.ForEach(a => a.Text += " (shaped)");
                return await next();
            });
            await turn.SendActivityAsync("hello", cancellationToken: ct);
        });
        var instance = new BotInstance(_storage, "conv", bot);

        await instance.SendAsync("hi");

        Assert.Equal(["hello (shaped)"], instance.Replies().Select(r => ((IMessageActivity)r).Text));
    }

    [Fact]
    public async Task The_turn_knows_it_has_responded_once_its_reply_is_held()
    {
        var respondedAfterReply = false;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            await turn.SendActivityAsync("hello", cancellationToken: ct);
            respondedAfterReply = turn.Responded;
        });
        var instance = new BotInstance(_storage, "conv", bot);

        await instance.SendAsync("hi");

        Assert.True(respondedAfterReply);
    }

    [Fact]
    public async Task Typing_reaches_the_user_while_the_turn_is_still_running()
    {
        BotInstance instance = null!;
        var typingSeenDuringTurn = false;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            await turn.SendActivityAsync(new Activity(ActivityTypes.Typing), ct);
            typingSeenDuringTurn = instance.Replies().Any(r => r.Type == ActivityTypes.Typing);
            await turn.SendActivityAsync("done", cancellationToken: ct);
        });
        instance = new BotInstance(_storage, "conv", bot);

        await instance.SendAsync("hi");

        Assert.True(typingSeenDuringTurn);
    }

    [Fact]
    public async Task A_run_after_a_conflict_sees_the_message_as_it_arrived()
    {
        BotInstance instance = null!;
        var textsSeen = new List<string>();
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            textsSeen.Add(turn.Activity.Text);
            turn.Activity.Text = "rewritten by the first run";
            await CountAsync(instance, turn, ct);
            if (run == 1)
            {
                await BumpFromAnotherInstanceAsync(instance, turn);
            }

            await instance.ConversationState.SaveChangesAsync(turn, false, ct);
        });
        instance = new BotInstance(_storage, "conv", bot);

        await instance.SendAsync("left foot");

        Assert.Equal(["left foot", "left foot"], textsSeen);
    }

    [Fact]
    public async Task Turns_of_one_conversation_run_one_at_a_time()
    {
        var running = 0;
        var mostAtOnce = 0;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(5, ct);
            Interlocked.Decrement(ref running);
        });
        var instance = new BotInstance(new MemoryStorage(), "conv", bot);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => instance.SendAsync($"message {i}"))));

        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task A_turn_started_inside_a_turn_of_the_same_conversation_does_not_wait_for_it()
    {
        BotInstance instance = null!;
        var innerRan = false;
        var bot = new ScriptedBot(async (turn, run, ct) =>
        {
            if (turn.Activity.Text == "outer")
            {
                turn.Activity.Text = "inner";
                await instance.Runner.RunAsync(turn, instance.Bot.OnTurnAsync, ct);
            }
            else
            {
                innerRan = true;
            }
        });
        instance = new BotInstance(new MemoryStorage(), "conv", bot);

        await instance.SendAsync("outer").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(innerRan);
    }

    [Fact]
    public async Task Work_a_turn_leaves_running_saves_its_writes_after_the_turn_is_over()
    {
        var turnOver = new TaskCompletionSource();
        Task background = Task.CompletedTask;
        var bot = new ScriptedBot((turn, run, ct) =>
        {
            // Like a hold timer that stores a conversation reference later: it inherits the turn's async flow.
            background = Task.Run(async () =>
            {
                await turnOver.Task;
                await _storage.WriteAsync(new Dictionary<string, object> { ["test/references/user-1"] = new Dictionary<string, object> { ["due"] = "later" } }, CancellationToken.None);
            });
            return Task.CompletedTask;
        });
        var instance = new BotInstance(_storage, "conv", bot);

        await instance.SendAsync("start the timer");
        turnOver.SetResult();
        await background;

        Assert.Single(await _otherInstance.ReadAsync(["test/references/user-1"], CancellationToken.None));
    }

    private static async Task<int> CountAsync(BotInstance instance, ITurnContext turn, CancellationToken cancellationToken)
    {
        var counter = instance.ConversationState.CreateProperty<CounterBot.Counter>("counter");
        var value = await counter.GetAsync(turn, () => new CounterBot.Counter(), cancellationToken);
        value.Value++;
        return value.Value;
    }

    /// <summary>Another instance of the bot saves this conversation's state in between (outside this turn's scope).</summary>
    private async Task BumpFromAnotherInstanceAsync(BotInstance instance, ITurnContext turn)
    {
        var key = TestActivities.ConversationKey(turn.Activity.Conversation.Id).Replace(TestActivities.ChannelId + "/", turn.Activity.ChannelId + "/", StringComparison.Ordinal);
        // Not part of this turn: another instance has its own async flow.
        Task bump;
        using (ExecutionContext.SuppressFlow())
        {
            bump = Task.Run(async () =>
            {
                var items = await _otherInstance.ReadAsync([key], CancellationToken.None);
                var state = items.TryGetValue(key, out var found) ? (IDictionary<string, object>)found : new Dictionary<string, object>();
                var counter = state.TryGetValue("counter", out var c) ? (CounterBot.Counter)c : new CounterBot.Counter();
                counter.Value++;
                state["counter"] = counter;
                await _otherInstance.WriteAsync(new Dictionary<string, object> { [key] = state }, CancellationToken.None);
            });
        }

        await bump;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
