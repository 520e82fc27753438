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
    public Task<bool> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
        => ContinueAsync(reference, async (turnContext, ct) => await turnContext.SendActivityAsync(activity, ct), cancellationToken);

    /// <summary>Runs <paramref name="callback"/> in a turn of an existing conversation; false if that failed (logged).</summary>
    public async Task<bool> ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        try
        {
            var route = routes.FirstOrDefault(r => r.Owns(reference));
            if (route is not null)
            {
                await route.ContinueConversationAsync(reference, callback, cancellationToken);
            }
            else
            {
                await channelAdapter.ContinueConversationAsync(credentials.Value.MicrosoftAppId ?? string.Empty, reference, callback, cancellationToken);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(logger, reference.ChannelId, exception.GetType().FullName);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A proactive message to a {ChannelId} conversation failed: {ExceptionType}")]
    private static partial void LogSendFailed(ILogger logger, string? channelId, string? exceptionType);
}
