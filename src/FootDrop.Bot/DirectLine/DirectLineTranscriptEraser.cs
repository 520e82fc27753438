using FootDrop.Bot.Storage;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// "Delete my data" also removes the built-in Direct Line's copy of the conversation's messages, and marks the
/// conversation so that a reload never resumes it.
/// </summary>
public sealed class DirectLineTranscriptEraser(DirectLineConversations conversations) : IUserDataStore
{
    public Task EraseAsync(UserDataOwner owner, CancellationToken cancellationToken)
        => owner.ChannelId == DirectLineAdapter.ChannelId ? conversations.EraseAsync(owner.ConversationId, cancellationToken) : Task.CompletedTask;
}
