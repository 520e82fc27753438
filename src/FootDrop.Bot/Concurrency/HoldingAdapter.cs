using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Concurrency;

/// <summary>
/// The adapter one run of a turn sees. It keeps the replies instead of sending them, so every send handler the bot
/// registers still runs, <see cref="ITurnContext.Responded"/> still tells the truth, and nothing reaches the user
/// until the run's state is saved. Typing and trace activities, edits, deletes and proactive calls go straight to the
/// real turn and adapter.
/// </summary>
internal sealed class HoldingAdapter(ITurnContext realTurn) : BotAdapter
{
    private readonly List<Activity> _held = [];

    public IReadOnlyList<Activity> TakeHeld()
    {
        lock (_held)
        {
            var held = _held.ToArray();
            _held.Clear();
            return held;
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        // Traces are held too, so an audit trace (triage) stays in order with the messages it explains and is sent once.
        if (activities.All(a => a.Type is ActivityTypes.Typing))
        {
            return await realTurn.SendActivitiesAsync(activities, cancellationToken);
        }

        lock (_held)
        {
            _held.AddRange(activities);
        }

        // What the channel adapter answers for replies it buffers (expectReplies): the activity's own id.
        return [.. activities.Select(a => new ResourceResponse(a.Id ?? string.Empty))];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => realTurn.UpdateActivityAsync(activity, cancellationToken);

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => realTurn.DeleteActivityAsync(reference, cancellationToken);

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.ContinueConversationAsync(botId, reference, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.ContinueConversationAsync(claimsIdentity, reference, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, string audience, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.ContinueConversationAsync(claimsIdentity, reference, audience, callback, cancellationToken);

    public override Task ContinueConversationAsync(string botId, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.ContinueConversationAsync(botId, continuationActivity, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.ContinueConversationAsync(claimsIdentity, continuationActivity, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, Activity continuationActivity, string audience, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.ContinueConversationAsync(claimsIdentity, continuationActivity, audience, callback, cancellationToken);

    public override Task CreateConversationAsync(string botAppId, string channelId, string serviceUrl, string audience, ConversationParameters conversationParameters, BotCallbackHandler callback, CancellationToken cancellationToken)
        => realTurn.Adapter.CreateConversationAsync(botAppId, channelId, serviceUrl, audience, conversationParameters, callback, cancellationToken);
}
