using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Storage;

/// <summary>
/// The person whose data is erased, the conversation they asked in, and the id of the message that asked (null when
/// unknown): a transcript store keeps that message and what follows, so the page still sees its answer confirmed.
/// </summary>
public sealed record UserDataOwner(string ChannelId, string UserId, string ConversationId, string? ActivityId = null)
{
    public static UserDataOwner From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new UserDataOwner(
            activity.ChannelId ?? throw new ArgumentException("The activity has no channel id.", nameof(activity)),
            activity.From?.Id ?? throw new ArgumentException("The activity has no sender id.", nameof(activity)),
            activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)),
            activity.Id);
    }
}

/// <summary>
/// Something besides bot state that keeps data about a user, such as stored conversation references. Register each as
/// <c>services.AddSingleton&lt;IUserDataStore, MyStore&gt;()</c> and <see cref="IUserDataEraser"/> clears it too.
/// </summary>
public interface IUserDataStore
{
    /// <summary>Removes everything this store keeps about <paramref name="owner"/>'s user and that conversation.</summary>
    Task EraseAsync(UserDataOwner owner, CancellationToken cancellationToken);
}

/// <summary>"Delete my data": removes what every store keeps about the user of this turn and this conversation.</summary>
public interface IUserDataEraser
{
    /// <summary>
    /// Deletes this conversation's state, the user's state (exercise progress included) and what every
    /// <see cref="IUserDataStore"/> keeps. For the rest of the turn, state saves of the erased keys are dropped, so
    /// nothing loaded before the erase is written back at the end of the turn.
    /// </summary>
    Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

internal sealed partial class UserDataEraser(
    ConversationState conversationState,
    UserState userState,
    IEnumerable<IUserDataStore> otherStores,
    ILogger<UserDataEraser> logger) : IUserDataEraser
{
    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var owner = UserDataOwner.From(turnContext.Activity);

        // BotState.DeleteAsync also empties the turn's cached copy, so the end-of-turn save has nothing to write.
        using (TurnStorageScope.Current?.BeginErasing())
        {
            await conversationState.DeleteAsync(turnContext, cancellationToken);
            await userState.DeleteAsync(turnContext, cancellationToken);
        }

        var stores = 0;
        foreach (var store in otherStores)
        {
            await store.EraseAsync(owner, cancellationToken);
            stores++;
        }

        LogErased(logger, owner.ChannelId, stores);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased a user's data on {ChannelId}: conversation state, user state and {StoreCount} other stores")]
    private static partial void LogErased(ILogger logger, string channelId, int storeCount);
}
