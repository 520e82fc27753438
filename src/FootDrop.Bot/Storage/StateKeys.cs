namespace FootDrop.Bot.Storage;

/// <summary>What a storage key belongs to, from the key shapes Bot Builder's state classes use.</summary>
public static class StateKeys
{
    private const string ConversationsSegment = "/conversations/";

    /// <summary>
    /// True for conversation state (<c>{channelId}/conversations/{conversationId}</c>) and private conversation state
    /// (<c>…/users/{userId}</c> after it): the data that expires when the conversation goes idle. User state
    /// (<c>{channelId}/users/{userId}</c>) is not, whatever the user id contains.
    /// </summary>
    public static bool IsConversationScoped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Channel ids never contain '/', so the first slash ends the channel id.
        var channelEnd = key.IndexOf('/', StringComparison.Ordinal);
        return channelEnd > 0 && string.CompareOrdinal(key, channelEnd, ConversationsSegment, 0, ConversationsSegment.Length) == 0;
    }
}
