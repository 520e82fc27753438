using System.Collections.Immutable;
using FootDrop.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.Concurrency;

/// <summary>
/// Runs a turn so that no update of bot state is lost when messages of one conversation arrive together.
/// Bot Builder's <see cref="BotState"/> is last-writer-wins; this closes it in two layers:
/// <list type="number">
/// <item>Within this instance, turns of one conversation run one at a time.</item>
/// <item>Across instances (and for user state shared by several conversations), the run's state saves are committed
/// together when it ends; if an eTag no longer matches, nothing is written (<see cref="StorageConflictException"/>) and
/// the whole turn runs again on fresh state. The turn's outgoing activities are held back until it succeeds, so the
/// user sees only the replies of the run whose state was saved (the pattern of Bot Builder's scale-out sample).</item>
/// </list>
/// A turn that fails for another reason saves nothing, but its replies are still delivered before the error handler
/// runs: a safety message must not be lost to a database outage.
/// Each run gets its own <see cref="TurnContext"/> (fresh state caches, a copy of the activity) on a
/// <see cref="HoldingAdapter"/>, carrying the channel adapter's turn services; the held activities are then sent through
/// the real context, so expectReplies and invoke responses work as before. Typing and trace activities are not held.
/// Code that needs the channel adapter itself (to start a new conversation, say) should take it from DI, not from
/// <see cref="ITurnContext.Adapter"/>.
/// </summary>
public sealed partial class SafeTurnRunner
{
    /// <summary>Runs of one turn before it gives up; each failed run means another turn saved in between.</summary>
    public const int MaxAttempts = 10;

    private static readonly AsyncLocal<ImmutableHashSet<string>?> s_heldByThisFlow = new();

    private static readonly JsonSerializerSettings s_activityJson = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 128,
    };

    private readonly AsyncKeyedLock _conversations = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SafeTurnRunner> _logger;

    public SafeTurnRunner(TimeProvider timeProvider, ILogger<SafeTurnRunner> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>How many conversations have a turn running or waiting in this instance.</summary>
    public int BusyConversations => _conversations.ActiveKeys;

    /// <summary>Runs <paramref name="turn"/> for <paramref name="turnContext"/> as described on the class.</summary>
    public async Task RunAsync(ITurnContext turnContext, BotCallbackHandler turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);

        var conversation = ConversationKey(turnContext.Activity);
        var held = s_heldByThisFlow.Value ?? [];
        if (conversation is null || held.Contains(conversation))
        {
            // No conversation to serialise on, or a turn nested in one that already holds it (waiting would deadlock).
            await RunWithRetriesAsync(turnContext, turn, cancellationToken);
            return;
        }

        using (await _conversations.AcquireAsync(conversation, cancellationToken))
        {
            s_heldByThisFlow.Value = held.Add(conversation);
            await RunWithRetriesAsync(turnContext, turn, cancellationToken);
        }
    }

    private static string? ConversationKey(Activity? activity)
        => string.IsNullOrEmpty(activity?.Conversation?.Id) ? null : $"{activity.ChannelId}/{activity.Conversation.Id}";

    private static bool IsConflict(Exception exception) => exception switch
    {
        StorageConflictException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsConflict),
        { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };

    private async Task RunWithRetriesAsync(ITurnContext turnContext, BotCallbackHandler turn, CancellationToken cancellationToken)
    {
        // What the adapter put in the turn state before the bot ran: connector client, identity, token client, ...
        var adapterServices = turnContext.TurnState.ToArray();
        var activityJson = JsonConvert.SerializeObject(turnContext.Activity, s_activityJson);

        for (var attempt = 1; ; attempt++)
        {
            var holding = new HoldingAdapter(turnContext);
            var attemptContext = CreateAttemptContext(holding, adapterServices, activityJson);
            try
            {
                await RunAttemptAsync(attemptContext, turn, cancellationToken);
            }
            catch (Exception exception) when (IsConflict(exception) && attempt < MaxAttempts)
            {
                LogRetry(_logger, turnContext.Activity.ChannelId, attempt);
                await Task.Delay(Backoff(attempt), _timeProvider, cancellationToken);
                continue;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Not saved, but what the bot said may matter more than its state (a red-flag warning, say): deliver it,
                // as an unguarded bot would have, before the error handler apologises.
                if (IsConflict(exception))
                {
                    LogGaveUp(_logger, turnContext.Activity.ChannelId, attempt);
                }

                await SendAsync(turnContext, Held(holding, attemptContext), cancellationToken);
                throw;
            }

            await SendAsync(turnContext, Held(holding, attemptContext), cancellationToken);
            return;
        }
    }

    private static TurnContext CreateAttemptContext(HoldingAdapter holding, KeyValuePair<string, object>[] adapterServices, string activityJson)
    {
        var activity = JsonConvert.DeserializeObject<Activity>(activityJson, s_activityJson)!;

        // TurnContext keeps expectReplies replies to itself instead of handing them to its adapter; the attempt must hand
        // them to the holding adapter, and the real context then buffers them for the response body.
        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            activity.DeliveryMode = null;
        }

        var attemptContext = new TurnContext(holding, activity);
        foreach (var (key, value) in adapterServices)
        {
            attemptContext.TurnState[key] = value;
        }

        return attemptContext;
    }

    /// <summary>
    /// One run: the bot's turn, then its state saves committed together. A separate async method, so the storage scope
    /// it starts ends with the run.
    /// </summary>
    private static async Task RunAttemptAsync(TurnContext attemptContext, BotCallbackHandler turn, CancellationToken cancellationToken)
    {
        var storage = TurnStorageScope.Begin();
        try
        {
            await turn(attemptContext, cancellationToken);
            await storage.CommitAsync(cancellationToken);
        }
        finally
        {
            storage.End();
        }
    }

    /// <summary>
    /// What the run sent. For expectReplies the turn context buffers the replies itself instead of passing them to the
    /// adapter; they are held all the same, and go to the real context's buffer when sent.
    /// </summary>
    private static List<Activity> Held(HoldingAdapter holding, TurnContext attemptContext)
        => [.. holding.TakeHeld(), .. attemptContext.BufferedReplyActivities];

    private static async Task SendAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count > 0)
        {
            // Through the real context: its send handlers, then the channel adapter (which buffers expectReplies and
            // keeps the invoke response).
            await turnContext.SendActivitiesAsync([.. activities], cancellationToken);
        }
    }

    // Spread the retries of competing instances apart, more with each failure.
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt));

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation state on {ChannelId} changed during a turn (run {Attempt}); running the turn again on fresh state")]
    private static partial void LogRetry(ILogger logger, string? channelId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn on {ChannelId} gave up after {Attempts} runs: its state kept changing under it")]
    private static partial void LogGaveUp(ILogger logger, string? channelId, int attempts);
}
