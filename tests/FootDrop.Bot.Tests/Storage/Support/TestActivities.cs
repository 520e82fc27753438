using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Tests.Storage.Support;

/// <summary>Turn contexts for driving <see cref="BotState"/> directly, outside an adapter's pipeline.</summary>
public static class TestActivities
{
    public const string ChannelId = "test";

    public static Activity Message(string conversationId, string userId = "user-1", string text = "hello") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ChannelId,
        ServiceUrl = "https://test.invalid/",
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId, "User"),
        Recipient = new ChannelAccount("bot", "Bot"),
        Text = text,
    };

    public static TurnContext Turn(string conversationId, string userId = "user-1")
        => new(new TestAdapter(ChannelId), Message(conversationId, userId));

    public static string ConversationKey(string conversationId) => $"{ChannelId}/conversations/{conversationId}";

    public static string UserKey(string userId) => $"{ChannelId}/users/{userId}";
}
