using System.Globalization;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Reminders;
using FootDrop.Content.Model;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Dialogs;

/// <summary>"My progress": this week's sessions, the current streak of days in a row, and the reminder schedule with this week's adherence.</summary>
public sealed class ProgressDialog(ContentCatalog content, Texts texts, BotStateAccessors state, ReminderConversation reminders) : Dialog(DialogIds.Progress)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var profile = await state.GetProfileAsync(dc.Context, cancellationToken);
        var today = await reminders.TodayAsync(dc.Context, cancellationToken);
        var reminderLines = await reminders.ProgressLinesAsync(dc.Context, profile.Sessions.Select(s => s.Date), StartOfWeek(today), cancellationToken);
        if (profile.Sessions.Count == 0)
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(string.Join("\n", reminderLines.Prepend(texts[TextKeys.ProgressNone]))), cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var (weekStart, streak) = (StartOfWeek(today), Streak(profile.Sessions.Select(s => s.Date), today));
        var thisWeek = profile.Sessions.Where(s => s.Date >= weekStart && s.Date <= today).ToList();
        var lines = new List<string> { texts.Get(TextKeys.ProgressSummary, ("sessions", thisWeek.Count), ("streak", streak)) };
        lines.AddRange(thisWeek.Select(s => texts.Get(
            TextKeys.ProgressEntry,
            ("date", s.Date.ToString("ddd d MMM", CultureInfo.InvariantCulture)),
            ("exercises", string.Join(", ", s.Exercises.Select(TitleOf))),
            ("pain", s.MaxPain?.ToString(CultureInfo.InvariantCulture) ?? "-"))));
        lines.AddRange(reminderLines);
        await dc.Context.SendActivityAsync(MessageFactory.Text(string.Join("\n", lines)), cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);

        string TitleOf(string id) => content.HasExercise(id) ? content.Exercise(id).Title : id;
    }

    /// <summary>Weeks start on Monday.</summary>
    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Days in a row with a session, ending today (or yesterday, so a streak is not lost before today's session).</summary>
    public static int Streak(IEnumerable<DateOnly> sessionDays, DateOnly today)
    {
        var days = sessionDays.ToHashSet();
        var day = days.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
