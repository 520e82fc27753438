using FootDrop.Bot.Adapters;
using FootDrop.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Proactive;

/// <summary>An adapter other than the Bot Framework channel one (the built-in Direct Line) that can continue its own conversations.</summary>
public interface IProactiveRoute
{
    bool Owns(ConversationReference reference);

    Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}

/// <summary>
/// Sends a message into an existing conversation without a user message to reply to (the hold timer's "relax"),
/// through whichever adapter owns the conversation. Teams and other Azure channels need the app credentials for it.
/// </summary>
public sealed partial class ProactiveMessenger(
    AdapterWithErrorHandler channelAdapter,
    IEnumerable<IProactiveRoute> routes,
    IOptions<BotCredentialsOptions> credentials,
    ILogger<ProactiveMessenger> logger)
{
    public async Task<bool> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        try
        {
            await ContinueAsync(reference, async (turnContext, ct) => await turnContext.SendActivityAsync(activity, ct), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(logger, reference.ChannelId, exception.GetType().FullName);
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in a turn of the conversation, through the adapter that owns it. The callback
    /// does not run when the conversation is gone (a built-in Direct Line conversation whose page has closed).
    /// </summary>
    public Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var route = routes.FirstOrDefault(r => r.Owns(reference));
        return route is not null
            ? route.ContinueConversationAsync(reference, callback, cancellationToken)
            : channelAdapter.ContinueConversationAsync(credentials.Value.MicrosoftAppId ?? string.Empty, reference, callback, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A proactive message to a {ChannelId} conversation failed: {ExceptionType}")]
    private static partial void LogSendFailed(ILogger logger, string? channelId, string? exceptionType);
}
