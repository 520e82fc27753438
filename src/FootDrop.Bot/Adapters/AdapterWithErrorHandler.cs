using FootDrop.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace FootDrop.Bot.Adapters;

/// <summary>
/// The Bot Framework channel adapter (<see cref="CloudAdapter"/>) with the one turn-error handler of the bot:
/// log without any user text, apologise to the user, and clear the conversation state that may have caused it.
/// </summary>
public sealed partial class AdapterWithErrorHandler : CloudAdapter
{
    private readonly ILogger _logger;

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication,
        ConversationState conversationState,
        TurnErrorReply errorReply,
        ILogger<AdapterWithErrorHandler> logger,
        ILoggerFactory loggerFactory)
        // The SDK writes "Received an incoming activity" and "Sending activity" at Information for every activity, under
        // the logger it is given. Under its own category they fall under the "Microsoft.Bot" level (Warning by default),
        // so they are off unless asked for; the bot's own lines keep this class's category.
        : base(authentication, loggerFactory.CreateLogger(typeof(CloudAdapter).FullName!))
    {
        _logger = logger;
        Use(new SharedCultureMiddleware());
        OnTurnError = async (turnContext, exception) =>
        {
            // The exception message may quote what the user typed, so only its type and stack are logged.
            LogTurnError(_logger, exception.GetType().FullName, turnContext.Activity.Type, turnContext.Activity.ChannelId, exception.StackTrace);

            try
            {
                await turnContext.SendActivityAsync(errorReply.CreateActivity(), CancellationToken.None);
                await turnContext.SendActivityAsync(turnContext.Activity.CreateTrace("OnTurnError Trace", exception.GetType().Name, "https://www.botframework.com/schemas/error", "TurnError"), CancellationToken.None);
            }
            catch (Exception sendException)
            {
                LogErrorReplyFailed(_logger, sendException.GetType().FullName);
            }

            if (exception is StorageConflictException)
            {
                // The state is fine, only contended: keep the user's place in the conversation.
                return;
            }

            try
            {
                // Whatever state led here would fail again on the next turn: start the conversation afresh.
                await conversationState.DeleteAsync(turnContext, CancellationToken.None);
            }
            catch (Exception deleteException)
            {
                LogStateClearFailed(_logger, deleteException.GetType().FullName);
            }
        };
    }

    /// <summary>
    /// Runs one incoming activity through authentication, the middleware and the bot.
    /// Returns the invoke response (or the expected replies when <c>deliveryMode</c> is <c>expectReplies</c>), if any.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The request's token is missing, malformed or invalid while credentials are configured.</exception>
    public async Task<InvokeResponse?> ProcessIncomingAsync(string? authHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader ?? string.Empty, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenException)
        {
            // The SDK reports an undecodable token as an ArgumentException; to the caller it is simply not authorised.
            throw new UnauthorizedAccessException("The request's token could not be read.", exception);
        }

        return await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} on a {ActivityType} activity from {ChannelId}. {StackTrace}")]
    private static partial void LogTurnError(ILogger logger, string? exceptionType, string? activityType, string? channelId, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user about a failed turn: {ExceptionType}")]
    private static partial void LogErrorReplyFailed(ILogger logger, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear the conversation state after a failed turn: {ExceptionType}")]
    private static partial void LogStateClearFailed(ILogger logger, string? exceptionType);
}
