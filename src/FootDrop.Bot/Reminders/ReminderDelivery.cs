using FootDrop.Bot.Cards;
using FootDrop.Bot.Concurrency;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Hosting;
using FootDrop.Bot.Proactive;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Reminders;

/// <summary>What became of one firing.</summary>
public enum ReminderOutcomeKind
{
    /// <summary>"Time for your exercises" with the buttons to start or skip.</summary>
    Sent,

    /// <summary>The last symptom check said to get care and no clinician has seen the user since: "get checked first".</summary>
    SentSafetyNote,

    /// <summary>A web page that is closed: kept for when the page is next open.</summary>
    Pending,

    SkippedQuietHours,
    SkippedTooLate,

    /// <summary>Handed over before its time; the trigger fires again when it is due.</summary>
    SkippedEarly,

    /// <summary>Already sent for that day (a firing seen twice).</summary>
    SkippedAlreadySent,

    /// <summary>The user's reminder is gone (stopped, deleted, expired): the job removes itself.</summary>
    Removed,

    Failed,
}

public sealed record ReminderOutcome(ReminderFiring Firing, ReminderOutcomeKind Kind);

/// <summary>
/// Delivers a reminder as a proactive turn of the conversation it was set in, through the adapter that owns it (Teams
/// and other Azure channels, or the built-in Direct Line). The turn runs like a user's turn (one at a time per
/// conversation, state committed before anything is sent, rerun on a concurrent change), reads the user's current
/// schedule and safety state, and decides: the reminder, the "get checked first" note, or nothing (quiet hours, too
/// late, already sent). When the web page is closed the reminder is kept and shown when the page is next open.
/// </summary>
public sealed partial class ReminderDelivery(
    ProactiveMessenger messenger,
    SafeTurnRunner runner,
    BotStateAccessors state,
    ReminderAccessor reminders,
    IServiceProvider services,
    Texts texts,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderDelivery> logger)
{
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Raised after every firing, whatever became of it.</summary>
    public event Action<ReminderOutcome>? Completed;

    public async Task<ReminderOutcomeKind> DeliverAsync(ReminderFiring firing, CancellationToken cancellationToken)
    {
        ReminderOutcomeKind outcome;
        try
        {
            outcome = await DeliverCoreAsync(firing, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, firing.ChannelId, exception.GetType().FullName);
            outcome = ReminderOutcomeKind.Failed;
        }

        LogOutcome(logger, firing.ChannelId, outcome);
        Completed?.Invoke(new ReminderOutcome(firing, outcome));
        return outcome;
    }

    private async Task<ReminderOutcomeKind> DeliverCoreAsync(ReminderFiring firing, CancellationToken cancellationToken)
    {
        // The schedule (and so the conversation to remind in) is read first, outside any conversation.
        var schedule = await reminders.PeekScheduleAsync(firing.ChannelId, firing.UserId, cancellationToken);
        if (schedule is null || schedule.Version != firing.Version)
        {
            await services.GetRequiredService<ReminderScheduler>().RemoveAsync(firing.ChannelId, firing.UserId, cancellationToken);
            if (schedule is not null)
            {
                // State and scheduler disagree (a turn saved one but not the other): the saved state wins.
                await services.GetRequiredService<ReminderScheduler>().ScheduleAsync(firing.ChannelId, firing.UserId, schedule, cancellationToken);
            }

            return ReminderOutcomeKind.Removed;
        }

        var outcome = ReminderOutcomeKind.Failed;
        Exception? failure = null;
        var ran = false;
        var reached = await messenger.ContinueAsync(schedule.ConversationReference(), async (turnContext, ct) =>
        {
            ran = true;
            try
            {
                await runner.RunAsync(turnContext, async (attempt, attemptToken) => outcome = await RemindAsync(attempt, firing, live: true, attemptToken), ct);
            }
            catch (Exception exception)
            {
                // Caught here, so the adapter does not apologise to the user for a turn they never started.
                failure = exception;
            }
        }, cancellationToken);

        if (failure is not null)
        {
            throw new InvalidOperationException("The reminder turn failed.", failure);
        }

        if (!reached)
        {
            // The channel refused or could not be reached (logged by the messenger): not a closed page, so no note is kept.
            return ReminderOutcomeKind.Failed;
        }

        if (!ran)
        {
            // The built-in Direct Line has no such conversation any more (the page was closed): keep it for the page.
            using var stateOnly = reminders.StateOnlyContext(firing.ChannelId, firing.UserId, schedule.ConversationReference().Conversation?.Id);
            await runner.RunAsync(stateOnly, async (attempt, attemptToken) => outcome = await RemindAsync(attempt, firing, live: false, attemptToken), cancellationToken);
        }

        return outcome;
    }

    private async Task<ReminderOutcomeKind> RemindAsync(ITurnContext turnContext, ReminderFiring firing, bool live, CancellationToken cancellationToken)
    {
        var current = await reminders.GetAsync(turnContext, cancellationToken);
        var schedule = current.Schedule;
        if (schedule is null || schedule.Version != firing.Version)
        {
            return ReminderOutcomeKind.Removed;
        }

        var now = time.GetUtcNow();
        var settings = options.Value;
        if (firing.ScheduledUtc - now > EarlyTolerance)
        {
            // Never ahead of time (Quartz may hand over an acquired trigger while it shuts down).
            return ReminderOutcomeKind.SkippedEarly;
        }

        if (now - firing.ScheduledUtc > settings.SkipWhenLateBy)
        {
            return ReminderOutcomeKind.SkippedTooLate;
        }

        var localNow = ReminderTimes.Local(now, schedule.TimeZone);
        if (settings.IsQuiet(TimeOnly.FromDateTime(localNow.DateTime)) && !schedule.QuietByChoice)
        {
            return ReminderOutcomeKind.SkippedQuietHours;
        }

        var day = DateOnly.FromDateTime(ReminderTimes.Local(firing.ScheduledUtc, schedule.TimeZone).DateTime);
        if (current.Sent.Any(s => s.Day == day))
        {
            return ReminderOutcomeKind.SkippedAlreadySent;
        }

        var profile = await state.GetProfileAsync(turnContext, cancellationToken);
        var awaitsClinician = profile.LastTriage?.AwaitsClinician == true;
        current.AddSent(new SentReminder { Day = day, At = now, Shown = live });
        await state.UserState.SaveChangesAsync(turnContext, false, cancellationToken);
        if (!live)
        {
            return ReminderOutcomeKind.Pending;
        }

        await turnContext.SendActivityAsync(awaitsClinician ? SafetyNote() : Reminder(turnContext.Activity, schedule), cancellationToken);
        return awaitsClinician ? ReminderOutcomeKind.SentSafetyNote : ReminderOutcomeKind.Sent;
    }

    /// <summary>No "time to exercise" and no button to start: the user is to be seen by a clinician first.</summary>
    private Activity SafetyNote() => MessageFactory.Text(texts[TextKeys.ReminderDueSafety]);

    private Activity Reminder(IActivity continuation, ReminderSchedule schedule)
    {
        var reply = MessageFactory.Text(texts.Get(TextKeys.ReminderDue, ("text", ReminderTimes.SaySchedule(texts, schedule))));
        List<Choice> choices =
        [
            new(ReminderLanguage.StartValue, texts[TextKeys.ButtonReminderStart]),
            new(ReminderLanguage.NotTodayValue, texts[TextKeys.ButtonReminderSkip]),
        ];
        if (continuation.ChannelId == Channels.Msteams)
        {
            // A card keeps its buttons under the message whatever is said after it; suggested actions would vanish.
            reply.Attachments = [AdaptiveCards.WithButtons(reply.Text, choices)];
            reply.Text = null;
        }
        else
        {
            ChoiceRendering.Apply(reply, choices, continuation);
        }

        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder on {ChannelId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string? channelId, ReminderOutcomeKind outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder on {ChannelId} could not be delivered: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string? channelId, string? exceptionType);
}
