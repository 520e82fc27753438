using FootDrop.Bot.Conversation;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// The reminder as an iCalendar file (RFC 5545, written with Ical.Net): one recurring event at the reminder's local
/// time in its IANA zone (with the zone's rules in a VTIMEZONE, so daylight saving changes are the calendar's job), a
/// weekly or daily RRULE over the reminder's days, and a display alarm at the start. A web user's own calendar then
/// does the reminding while the page is closed, with no push service.
/// </summary>
public sealed class CalendarFile(Texts texts, IOptions<ReminderOptions> options, TimeProvider time)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public string Write(ReminderSchedule schedule)
    {
        var zone = schedule.TimeZone;
        var first = ReminderTimes.Local(ReminderTimes.NextTimes(schedule, time.GetUtcNow()).First(), zone);
        var calendar = new Calendar { ProductId = "-//FootDrop.Bot//Exercise reminders//EN", Method = "PUBLISH" };
        calendar.AddTimeZone(new VTimeZone(zone));

        var everyDay = schedule.DayMask.Bits == DayMask.Everyday.Bits;
        var recurrence = new RecurrencePattern(everyDay ? FrequencyType.Daily : FrequencyType.Weekly, 1);
        if (!everyDay)
        {
            foreach (var day in schedule.DayMask.Days())
            {
                recurrence.ByDay.Add(new WeekDay(day));
            }
        }

        var start = new CalDateTime(first.Year, first.Month, first.Day, first.Hour, first.Minute, 0, zone);
        var exercise = new CalendarEvent
        {
            Uid = schedule.Version + "@footdrop-bot",
            DtStamp = new CalDateTime(time.GetUtcNow().UtcDateTime, "UTC"),
            Summary = texts[TextKeys.CalendarSummary],
            Description = texts[TextKeys.CalendarDescription],
            DtStart = start,
            Duration = Duration.FromMinutes(options.Value.CalendarEventMinutes),
        };
        exercise.RecurrenceRule = recurrence;
        exercise.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = texts[TextKeys.CalendarSummary],
            Trigger = new Trigger(Duration.FromMinutes(0)),
        });
        calendar.Events.Add(exercise);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
