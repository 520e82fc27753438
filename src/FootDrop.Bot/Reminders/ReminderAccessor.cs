using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// The reminders' part of the user's state (property <c>reminders</c>), in a turn or, for the scheduler and the
/// calendar link, outside one: a turn context on an adapter that sends nothing, so the state is read and written with
/// Bot Builder's own <see cref="UserState"/> and its eTag checks, under the same storage key as in a conversation.
/// </summary>
public sealed class ReminderAccessor(UserState userState)
{
    private readonly IStatePropertyAccessor<ReminderState> _property = userState.CreateProperty<ReminderState>("reminders");

    public Task<ReminderState> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => _property.GetAsync(turnContext, () => new ReminderState(), cancellationToken);

    /// <summary>The user's current schedule, read outside any conversation; null when none is set (or the user's state is gone).</summary>
    public async Task<ReminderSchedule?> PeekScheduleAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        using var context = StateOnlyContext(channelId, userId, conversationId: null);
        await userState.LoadAsync(context, force: true, cancellationToken);
        return (await _property.GetAsync(context, () => new ReminderState(), cancellationToken)).Schedule;
    }

    /// <summary>A turn context for reading and writing the user's state without a conversation to talk in.</summary>
    public TurnContext StateOnlyContext(string channelId, string userId, string? conversationId) => new(new StateOnlyAdapter(), new Activity(ActivityTypes.Event)
    {
        ChannelId = channelId,
        From = new ChannelAccount(userId, role: RoleTypes.User),
        Recipient = new ChannelAccount("bot", role: RoleTypes.Bot),
        Conversation = new ConversationAccount(id: conversationId ?? "reminders/" + userId),
        Name = "reminder",
    });

    /// <summary>An adapter for state work only: nothing can be sent through it.</summary>
    private sealed class StateOnlyAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
            => activities.Length == 0
                ? Task.FromResult(Array.Empty<ResourceResponse>())
                : Task.FromException<ResourceResponse[]>(new InvalidOperationException("There is no conversation to send to."));

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
            => Task.FromException<ResourceResponse>(new NotSupportedException());

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
            => Task.FromException(new NotSupportedException());
    }
}
