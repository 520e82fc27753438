namespace FootDrop.Bot.Conversation;

/// <summary>
/// The reminders' texts in dialogs/messages.json. They use the placeholders the rest of the bot fills: in them
/// <c>{text}</c> is a schedule, days or a time zone, <c>{date}</c> a day and time, <c>{count}</c> and
/// <c>{sessions}</c> sessions done and planned.
/// </summary>
public static partial class TextKeys
{
    public const string ReminderAskTime = "reminder.askTime";
    public const string ReminderAskTimeRetry = "reminder.askTimeRetry";
    public const string ReminderInvalidTime = "reminder.invalidTime";
    public const string ReminderNotSet = "reminder.notSet";
    public const string ReminderMorningOrEvening = "reminder.morningOrEvening";
    public const string ReminderAskZone = "reminder.askZone";
    public const string ReminderAskZoneRetry = "reminder.askZoneRetry";
    public const string ReminderSet = "reminder.set";
    public const string ReminderChanged = "reminder.changed";
    public const string ReminderQuietChosen = "reminder.quietChosen";
    public const string ReminderOfferQuiet = "reminder.offerQuiet";
    public const string ReminderList = "reminder.list";
    public const string ReminderListNone = "reminder.listNone";
    public const string ReminderHint = "reminder.hint";
    public const string ReminderStopped = "reminder.stopped";
    public const string ReminderStopNone = "reminder.stopNone";
    public const string ReminderSchedule = "reminder.schedule";
    public const string ReminderZone = "reminder.zone";
    public const string ReminderEveryDay = "reminder.days.everyDay";
    public const string ReminderWeekdays = "reminder.days.weekdays";
    public const string ReminderWeekends = "reminder.days.weekends";
    public const string ReminderSomeDays = "reminder.days.some";
    public const string ReminderDue = "reminder.due";
    public const string ReminderDueSafety = "reminder.dueSafety";
    public const string ReminderMissed = "reminder.missed";
    public const string ReminderNotToday = "reminder.notToday";
    public const string ReminderCalendarNote = "reminder.calendarNote";
    public const string ButtonReminderStart = "button.reminderStart";
    public const string ButtonReminderSkip = "button.reminderSkip";
    public const string ButtonReminderOffer = "button.reminderOffer";
    public const string ButtonAddToCalendar = "button.addToCalendar";
    public const string ProgressReminders = "progress.reminders";
    public const string ProgressAdherence = "progress.adherence";
    public const string CalendarSummary = "calendar.summary";
    public const string CalendarDescription = "calendar.description";
}
