using System.Data.Common;
using System.Net.Sockets;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Hosting;
using FootDrop.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Adapters;

/// <summary>Why a turn failed, as far as the conversation's saved state is concerned.</summary>
public enum TurnFailure
{
    /// <summary>Something outside the bot was briefly unavailable (storage unreachable or contended, a timeout, the channel): the state is fine.</summary>
    Transient,

    /// <summary>The saved state itself cannot be read (corrupt, or from a build that no longer has its dialogs or types).</summary>
    UnreadableState,

    /// <summary>Anything else: a fault in the bot, which clearing the state would not fix.</summary>
    Fault,
}

/// <summary>
/// The one turn-error policy of the bot, for the Bot Framework channel adapter and the built-in Direct Line alike:
/// tell the user, log the exception's type and the channel (never its message, which may quote the user), and clear
/// the conversation state only when that state cannot be read. After a transient failure (a database outage, a
/// timeout) the state is kept, so someone in the middle of the symptom check keeps their place and simply tries again.
/// After a fault the state is kept too: it is not what broke, and "start over" resets a conversation anyway.
/// </summary>
public sealed partial class TurnErrorPolicy(ConversationState conversationState, IStorage storage, TurnErrorReply errorReply, ILogger<TurnErrorPolicy> logger)
{
    /// <summary>The adapters' <c>OnTurnError</c>.</summary>
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        var failure = Classify(exception);
        var activity = turnContext.Activity;
        LogTurnError(logger, TypeChain(exception), failure, LogValues.Token(activity?.Type), LogValues.Token(activity?.ChannelId), exception.StackTrace);

        try
        {
            await turnContext.SendActivityAsync(errorReply.CreateActivity(), CancellationToken.None);

            // Emulator's inspector shows this; channels ignore traces.
            await turnContext.SendActivityAsync(turnContext.Activity.CreateTrace("OnTurnError Trace", exception.GetType().Name, "https://www.botframework.com/schemas/error", "TurnError"), CancellationToken.None);
        }
        catch (Exception sendException)
        {
            LogErrorReplyFailed(logger, sendException.GetType().FullName);
        }

        if (failure == TurnFailure.UnreadableState)
        {
            await ClearUnreadableStateAsync(turnContext, exception);
        }
    }

    public static TurnFailure Classify(Exception exception)
    {
        var chain = Flatten(exception).ToList();
        if (chain.Any(e => e is StoredStateUnreadableException or DialogStateException))
        {
            return TurnFailure.UnreadableState;
        }

        return chain.Any(IsTransient) ? TurnFailure.Transient : TurnFailure.Fault;
    }

    private static bool IsTransient(Exception exception) => exception
        is StorageConflictException
        or TimeoutException
        or OperationCanceledException
        or DbException
        or SocketException
        or IOException
        or HttpRequestException
        or ErrorResponseException;

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }
    }

    /// <summary>"Outer &lt;- inner" type names: what an operator needs, without any message text.</summary>
    private static string TypeChain(Exception exception) => string.Join(" <- ", Flatten(exception).Take(4).Select(e => e.GetType().FullName));

    private async Task ClearUnreadableStateAsync(ITurnContext turnContext, Exception exception)
    {
        try
        {
            // Whatever made the state unreadable would fail every later turn: start the conversation afresh.
            await conversationState.DeleteAsync(turnContext, CancellationToken.None);

            // The unreadable document may be private conversation state under another key. User state is not cleared:
            // it holds exercise history, and a build rolled back across a change of its shape must not erase it.
            var key = Flatten(exception).OfType<StoredStateUnreadableException>().FirstOrDefault()?.Key;
            if (key is not null && StateKeys.IsConversationScoped(key))
            {
                await storage.DeleteAsync([key], CancellationToken.None);
            }
            else if (key is not null)
            {
                LogUserStateUnreadable(logger, LogValues.Token(turnContext.Activity?.ChannelId));
            }

            LogStateCleared(logger, LogValues.Token(turnContext.Activity?.ChannelId));
        }
        catch (Exception deleteException)
        {
            LogStateClearFailed(logger, deleteException.GetType().FullName);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} ({Failure}) on a {ActivityType} activity from {ChannelId}. {StackTrace}")]
    private static partial void LogTurnError(ILogger logger, string exceptionType, TurnFailure failure, string activityType, string channelId, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user about a failed turn: {ExceptionType}")]
    private static partial void LogErrorReplyFailed(ILogger logger, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleared the unreadable conversation state of a {ChannelId} conversation; it starts afresh")]
    private static partial void LogStateCleared(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The user state of a {ChannelId} user cannot be read; it is kept for an operator to inspect")]
    private static partial void LogUserStateUnreadable(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear the conversation state after a failed turn: {ExceptionType}")]
    private static partial void LogStateClearFailed(ILogger logger, string? exceptionType);
}
