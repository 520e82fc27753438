namespace FootDrop.Bot.Storage;

/// <summary>What a storage key belongs to, from the key shapes Bot Builder's state classes use.</summary>
public static class StateKeys
{
    private const string ConversationsSegment = "/conversations/";
    private const string UsersSegment = "/users/";

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

    /// <summary>The key under which <see cref="Microsoft.Bot.Builder.UserState"/> keeps a user's state.</summary>
    public static string UserKey(string channelId, string userId) => channelId + UsersSegment + userId;

    /// <summary>Where the user state keys of a channel start: <c>{channelId}/users/</c>.</summary>
    public static string UserKeyPrefix(string channelId) => channelId + UsersSegment;

    /// <summary>The channel and user of a user state key; false for any other key.</summary>
    public static bool TryReadUserKey(string key, out string channelId, out string userId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var channelEnd = key.IndexOf('/', StringComparison.Ordinal);
        if (channelEnd > 0 && string.CompareOrdinal(key, channelEnd, UsersSegment, 0, UsersSegment.Length) == 0 && key.Length > channelEnd + UsersSegment.Length)
        {
            channelId = key[..channelEnd];
            userId = key[(channelEnd + UsersSegment.Length)..];
            return true;
        }

        channelId = userId = string.Empty;
        return false;
    }
}
