using FootDrop.Bot.Storage;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// "Delete my data" also removes the built-in Direct Line's copy of the conversation's messages, and marks the
/// conversation so that a reload never resumes it. The message that confirmed the erase ("Yes") and what follows stay:
/// the page waits for its own message to come back before it counts it as sent and shows the bot's answer to it.
/// </summary>
public sealed class DirectLineTranscriptEraser(DirectLineConversations conversations) : IUserDataStore
{
    public Task EraseAsync(UserDataOwner owner, CancellationToken cancellationToken)
        => owner.ChannelId == DirectLineAdapter.ChannelId ? conversations.EraseAsync(owner.ConversationId, owner.ActivityId, cancellationToken) : Task.CompletedTask;
}
