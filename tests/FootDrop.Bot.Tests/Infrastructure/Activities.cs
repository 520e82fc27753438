using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>Activities shaped like the ones each channel sends.</summary>
public static class Activities
{
    public static Activity EmulatorMessage(Uri serviceUrl, string conversationId, string text, string userId = "user-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl.ToString(),
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId, "User"),
        Recipient = new ChannelAccount("bot", "FootDrop.Bot"),
        Text = text,
        Locale = "en-US",
        Timestamp = DateTimeOffset.UtcNow,
    };

    public static Activity EmulatorJoin(Uri serviceUrl, string conversationId, string userId = "user-1") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl.ToString(),
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId, "User"),
        Recipient = new ChannelAccount("bot", "FootDrop.Bot"),
        MembersAdded = [new ChannelAccount("bot", "FootDrop.Bot"), new ChannelAccount(userId, "User")],
    };

    public static Activity ExpectingReplies(this Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }
}
