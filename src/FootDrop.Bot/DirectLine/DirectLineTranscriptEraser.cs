using FootDrop.Bot.Storage;

namespace FootDrop.Bot.DirectLine;

/// <summary>"Delete my data" also removes the built-in Direct Line's copy of the conversation's messages.</summary>
public sealed class DirectLineTranscriptEraser(DirectLineConversations conversations) : IUserDataStore
{
    public Task EraseAsync(UserDataOwner owner, CancellationToken cancellationToken)
    {
        if (owner.ChannelId == DirectLineAdapter.ChannelId)
        {
            conversations.ClearHistory(owner.ConversationId);
        }

        return Task.CompletedTask;
    }
}
