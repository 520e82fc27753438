using FootDrop.Bot.Concurrency;
using FootDrop.Bot.Tests.Storage.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace FootDrop.Bot.Tests.Concurrency;

/// <summary>
/// One instance of the bot as a deployment runs it: an adapter, the bot wrapped by <see cref="SafeTurnRunner"/>, and
/// state objects over a storage that other instances may share.
/// </summary>
public sealed class BotInstance
{
    public BotInstance(IStorage storage, string conversationId, IBot? bot = null)
    {
        ConversationState = new ConversationState(storage);
        UserState = new UserState(storage);
        Bot = bot ?? new CounterBot(ConversationState, UserState);
        Runner = new SafeTurnRunner(TimeProvider.System, NullLogger<SafeTurnRunner>.Instance);
        Adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId));
    }

    public ConversationState ConversationState { get; }

    public UserState UserState { get; }

    public IBot Bot { get; }

    public SafeTurnRunner Runner { get; }

    public TestAdapter Adapter { get; }

    public Task SendAsync(string text, string userId = "user-1")
    {
        var activity = MessageFactory.Text(text);
        activity.From = new ChannelAccount(userId, "User");
        return Adapter.ProcessActivityAsync(activity, (turn, ct) => Runner.RunAsync(turn, Bot.OnTurnAsync, ct), CancellationToken.None);
    }

    public IReadOnlyList<IActivity> Replies()
    {
        lock (Adapter.ActiveQueue)
        {
            return [.. Adapter.ActiveQueue];
        }
    }

    /// <summary>Reads the counters as a later turn of this conversation and user would see them.</summary>
    public async Task<(int Conversation, int User)> ReadCountersAsync(string userId = "user-1")
    {
        var activity = MessageFactory.Text("peek");
        activity.From = new ChannelAccount(userId, "User");
        activity.ChannelId = Adapter.Conversation.ChannelId;
        activity.Conversation = Adapter.Conversation.Conversation;
        var turn = new TurnContext(Adapter, activity);
        var conversation = await ConversationState.CreateProperty<CounterBot.Counter>("counter").GetAsync(turn, () => new CounterBot.Counter());
        var user = await UserState.CreateProperty<CounterBot.Counter>("messages").GetAsync(turn, () => new CounterBot.Counter());
        return (conversation.Value, user.Value);
    }
}
