using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace FootDrop.Bot.Adapters;

/// <summary>
/// The Bot Framework channel adapter (<see cref="CloudAdapter"/>) with the bot's turn-error policy
/// (<see cref="TurnErrorPolicy"/>, shared with the built-in Direct Line) and the shared culture per locale.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication,
        TurnErrorPolicy errorPolicy,
        ILoggerFactory loggerFactory)
        // The SDK writes "SendActivitiesAsync" and "Sending activity" at Information for every reply, under the logger
        // it is given. Under its own category they fall under the "Microsoft.Bot" level (Warning by default), so they
        // are off unless asked for.
        : base(authentication, loggerFactory.CreateLogger(typeof(CloudAdapter).FullName!))
    {
        Use(new SharedCultureMiddleware());
        OnTurnError = errorPolicy.HandleAsync;
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
}
