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

    /// <summary>The exercise hold now running in the conversation, if any (see <see cref="Proactive.HoldTimers"/>).</summary>
    public IStatePropertyAccessor<PendingHold> PendingHold { get; } = conversationState.CreateProperty<PendingHold>("hold");

    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => Profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
}

/// <summary>
/// A yes/no question about a possible warning sign, waiting for its answer, with what the message already gave (the
/// level a "no" still leads to, and the rules behind it). A question is asked at most once a day in a conversation.
/// No message text is kept.
/// </summary>
public sealed class PendingClarify
{
    [Newtonsoft.Json.JsonProperty("questionId")]
    public string? QuestionId { get; set; }

    [Newtonsoft.Json.JsonProperty("levelIfNo")]
    public string? LevelIfNo { get; set; }

    [Newtonsoft.Json.JsonProperty("ruleIds", TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None)]
    public List<string> RuleIds { get; set; } = [];

    [Newtonsoft.Json.JsonProperty("source")]
    public string? Source { get; set; }

    [Newtonsoft.Json.JsonProperty("aboutSomeoneElse")]
    public bool AboutSomeoneElse { get; set; }

    /// <summary>The question asked next when this one is answered no (a leg hinted beside a face or bladder hint).</summary>
    [Newtonsoft.Json.JsonProperty("thenQuestionId")]
    public string? ThenQuestionId { get; set; }

    /// <summary>The day each question was last asked in this conversation.</summary>
    [Newtonsoft.Json.JsonProperty("askedOn", TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None)]
    public Dictionary<string, DateOnly> AskedOn { get; set; } = [];

    public void Clear()
    {
        QuestionId = null;
        LevelIfNo = null;
        RuleIds = [];
        Source = null;
        AboutSomeoneElse = false;
        ThenQuestionId = null;
    }
}

/// <summary>
/// A timed hold waiting for its "relax": which one (a random id per start) and when it is due. Kept in the conversation
/// state, so any message on any instance ends it by saving the state without it, and the timer, wherever it runs,
/// says "relax" only while the stored conversation still holds this very hold.
/// </summary>
public sealed class PendingHold
{
    [Newtonsoft.Json.JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [Newtonsoft.Json.JsonProperty("due")]
    public DateTimeOffset Due { get; set; }
}
