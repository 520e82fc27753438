using System.Security.Claims;
using FootDrop.Bot.Adapters;
using FootDrop.Bot.Proactive;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The built-in Direct Line channel, as a Bot Builder <see cref="BotAdapter"/> (the SDK's extension point for channels):
/// an incoming activity runs through the same bot as /api/messages, and what the bot sends is appended to the
/// conversation's stream in the shared store, where Web Chat picks it up over its WebSocket or by polling, from
/// whichever instance it is connected to. It also continues its own conversations, so proactive messages (the hold
/// timer's "relax") reach the page.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter, IProactiveRoute
{
    public const string ChannelId = "directline";

    /// <summary>Marks activities and conversation references as this adapter's own.</summary>
    public const string ServiceUrl = "urn:footdrop:directline";

    public static readonly ChannelAccount BotAccount = new("footdrop-bot", "FootDrop.Bot", RoleTypes.Bot);

    private readonly DirectLineConversations _conversations;

    public DirectLineAdapter(DirectLineConversations conversations, TurnErrorPolicy errorPolicy)
    {
        _conversations = conversations;
        Use(new SharedCultureMiddleware());

        // The same policy as the channel adapter: the user is told, and state is cleared only when it cannot be read.
        OnTurnError = errorPolicy.HandleAsync;
    }

    public Task ProcessAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        var context = new TurnContext(this, activity);
        return RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        var stream = new List<Activity>(activities.Length);
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];

            // Delays and traces mean nothing to a Web Chat page; everything else goes into the stream.
            if (activity.Type is ActivityTypes.Trace or "delay")
            {
                responses[i] = new ResourceResponse(string.Empty);
                continue;
            }

            activity.ChannelId = ChannelId;
            activity.ServiceUrl = ServiceUrl;
            activity.From = BotAccount;
            stream.Add(activity);
        }

        // One append for the turn's replies: they get consecutive ids and reach the page together.
        await _conversations.AppendAsync(turnContext.Activity.Conversation.Id, stream, cancellationToken);
        for (var i = 0; i < activities.Length; i++)
        {
            responses[i] ??= new ResourceResponse(activities[i].Id);
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => Task.FromException<ResourceResponse>(new NotSupportedException("The built-in Direct Line does not edit sent activities."));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => Task.FromException(new NotSupportedException("The built-in Direct Line does not delete sent activities."));

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        => ContinueConversationAsync(reference, callback, cancellationToken);

    public bool Owns(ConversationReference reference) => reference.ServiceUrl == ServiceUrl;

    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (await _conversations.FindAsync(reference.Conversation.Id, cancellationToken) is null)
        {
            return;
        }

        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken);
    }
}
