using FootDrop.Bot.DialogLayer;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Conversation;

/// <summary>The two pieces of state the bot keeps: the dialog stack per conversation and the profile per user.</summary>
public sealed class BotStateAccessors(ConversationState conversationState, UserState userState)
{
    public ConversationState ConversationState { get; } = conversationState;

    public UserState UserState { get; } = userState;

    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("dialogs");

    public IStatePropertyAccessor<UserProfile> Profile { get; } = userState.CreateProperty<UserProfile>("profile");

    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => Profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
}
