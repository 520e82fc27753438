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

    public IStatePropertyAccessor<PendingClarify> PendingClarify { get; } = conversationState.CreateProperty<PendingClarify>("clarify");

    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => Profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
}

/// <summary>A yes/no question about a possible warning sign, waiting for its answer; each is asked once per conversation.</summary>
public sealed class PendingClarify
{
    [Newtonsoft.Json.JsonProperty("questionId")]
    public string? QuestionId { get; set; }

    [Newtonsoft.Json.JsonProperty("asked", TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None)]
    public List<string> Asked { get; set; } = [];
}
