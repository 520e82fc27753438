using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Content.Text;
using FootDrop.Bot.Dialogs;
using FootDrop.Bot.Dialogs.Exercises;
using FootDrop.Content.Model;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// Where the reminders meet the rest of the conversation, so the root and the other dialogs each call one method: the
/// reminder's buttons (anywhere), reminder requests in free text, the offer after a finished session, reminders a
/// closed web page missed, the user's local day for sessions, and the schedule and adherence in "my progress".
/// </summary>
public sealed class ReminderConversation(
    ReminderAccessor reminders,
    ReminderLanguage language,
    ContentCatalog content,
    Texts texts,
    IOptions<ReminderOptions> options,
    TimeProvider time)
{
    /// <summary>How long after a reminder a session still counts for the reminder's day (one started after midnight, say).</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromHours(12);

    /// <summary>"Start today's exercises" and "Not today", from the reminder's card or typed; true when handled.</summary>
    public async Task<bool> TryHandleButtonAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        // Only the button's own words or value: these work anywhere, so "1" (a pain score) or "not today thanks" must not.
        var words = TextNormalizer.Canonical(text);
        var pressed = new[] { ReminderLanguage.StartValue, ReminderLanguage.NotTodayValue }
            .FirstOrDefault(value => words == TextNormalizer.Canonical(value)
                || words == TextNormalizer.Canonical(texts[value == ReminderLanguage.StartValue ? TextKeys.ButtonReminderStart : TextKeys.ButtonReminderSkip]));
        switch (pressed)
        {
            case ReminderLanguage.StartValue:
                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Exercises, new ExerciseRequest { ExerciseIds = [.. content.Session] }, cancellationToken);
                return true;
            case ReminderLanguage.NotTodayValue:
                var schedule = (await reminders.GetAsync(dc.Context, cancellationToken)).Schedule;
                if (schedule is not null)
                {
                    var next = ReminderTimes.NextTimes(schedule, EndOfLocalDay(schedule.TimeZone)).First();
                    await dc.Context.SendActivityAsync(MessageFactory.Text(texts.Get(TextKeys.ReminderNotToday, ("date", ReminderTimes.SayDayAndTime(ReminderTimes.Local(next, schedule.TimeZone))))), cancellationToken);
                }

                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Menu, new MenuOptions { PromptKey = TextKeys.MenuAgain }, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A reminder request in free text ("remind me weekdays at 7:30", "stop reminders"), as the dialog's options.</summary>
    public ReminderTalk? Recognize(string text)
        => language.Recognize(text, time.GetUtcNow().DateTime) is { } request ? ReminderTalk.From(request) : null;

    /// <summary>The menu's "Exercise reminders".</summary>
    public static ReminderTalk Overview() => new() { Intent = ReminderIntent.Overview };

    /// <summary>After a finished session, for a user with no reminder yet: "Remind me tomorrow at this time" (not in the quiet hours).</summary>
    public async Task<Choice?> OfferAfterSessionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var current = await reminders.GetAsync(turnContext, cancellationToken);
        if (current.Schedule is not null)
        {
            return null;
        }

        if (ZoneFor(turnContext, current) is { } zone && options.Value.IsQuiet(TimeOnly.FromDateTime(ReminderTimes.Local(time.GetUtcNow(), zone).DateTime)))
        {
            return null;
        }

        return new Choice(ReminderLanguage.ThisTimeValue, texts[TextKeys.ButtonReminderOffer]);
    }

    /// <summary>When a web page opens: the reminders that came while it was closed.</summary>
    public async Task ShowMissedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var current = await reminders.GetAsync(turnContext, cancellationToken);
        var missed = current.Sent.Where(s => !s.Shown).ToList();
        if (missed.Count == 0 || current.Schedule is not { } schedule)
        {
            return;
        }

        var when = string.Join("; ", missed.TakeLast(3).Select(s => ReminderTimes.SayDayAndTime(ReminderTimes.Local(s.At, schedule.TimeZone))));
        await turnContext.SendActivityAsync(MessageFactory.Text(texts.Get(TextKeys.ReminderMissed, ("text", when))), cancellationToken);
        foreach (var sent in missed)
        {
            sent.Shown = true;
        }
    }

    /// <summary>
    /// The day a session finished now counts for: the day of a reminder sent in the last few hours (so a reminder
    /// followed by a session counts as that day), else the user's local today.
    /// </summary>
    public async Task<DateOnly> SessionDayAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var current = await reminders.GetAsync(turnContext, cancellationToken);
        var now = time.GetUtcNow();
        var followed = current.Sent.LastOrDefault(s => now - s.At <= FollowUpWindow && now >= s.At);
        return followed?.Day ?? Today(turnContext, current);
    }

    /// <summary>The user's local today: in their zone when the channel or their reminder says it, else the bot's clock.</summary>
    public async Task<DateOnly> TodayAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => Today(turnContext, await reminders.GetAsync(turnContext, cancellationToken));

    /// <summary>For "my progress": the reminder schedule and this week's sessions done against sessions planned.</summary>
    public async Task<IReadOnlyList<string>> ProgressLinesAsync(ITurnContext turnContext, IEnumerable<DateOnly> sessionDays, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var current = await reminders.GetAsync(turnContext, cancellationToken);
        if (current.Schedule is not { } schedule)
        {
            return [];
        }

        var today = Today(turnContext, current);
        var from = weekStart > schedule.Since ? weekStart : schedule.Since;
        var planned = new List<DateOnly>();
        for (var day = from; day <= today; day = day.AddDays(1))
        {
            if (schedule.DayMask.Contains(day.DayOfWeek))
            {
                planned.Add(day);
            }
        }

        var done = sessionDays.ToHashSet();
        return
        [
            texts.Get(TextKeys.ProgressReminders, ("text", ReminderTimes.SayScheduleWithZone(texts, schedule))),
            texts.Get(TextKeys.ProgressAdherence, ("count", planned.Count(done.Contains)), ("sessions", planned.Count)),
        ];
    }

    private DateOnly Today(ITurnContext turnContext, ReminderState current)
        => ZoneFor(turnContext, current) is { } zone
            ? DateOnly.FromDateTime(ReminderTimes.Local(time.GetUtcNow(), zone).DateTime)
            : DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static string? ZoneFor(ITurnContext turnContext, ReminderState current)
        => ReminderTimes.ZoneOf(turnContext.Activity) ?? current.Schedule?.TimeZone ?? current.TimeZone;

    private DateTimeOffset EndOfLocalDay(string zone)
    {
        var local = ReminderTimes.Local(time.GetUtcNow(), zone);
        return new DateTimeOffset(local.Date.AddDays(1), local.Offset).AddTicks(-1);
    }
}
