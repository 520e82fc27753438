using System.Globalization;
using FootDrop.Bot.Conversation;
using FootDrop.Content.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Quartz;
using TimeZoneConverter;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// Time zones, the schedule's next times and how they are said. Zones are IANA names (what Teams and browsers send,
/// and what .NET reads from the system's zone database on Linux); Windows and Rails names are converted with
/// TimeZoneConverter. Next times come from the same cron expression, in the same zone, that the scheduler fires on,
/// so what the bot promises is what happens, daylight saving changes included.
/// </summary>
public static class ReminderTimes
{
    private static readonly Dictionary<string, string> s_zoneWords = new(StringComparer.Ordinal)
    {
        ["uk"] = "Europe/London", ["united kingdom"] = "Europe/London", ["britain"] = "Europe/London", ["great britain"] = "Europe/London",
        ["england"] = "Europe/London", ["scotland"] = "Europe/London", ["wales"] = "Europe/London", ["northern ireland"] = "Europe/London",
        ["bst"] = "Europe/London", ["ireland"] = "Europe/Dublin",
        ["eastern"] = "America/New_York", ["eastern time"] = "America/New_York", ["est"] = "America/New_York", ["edt"] = "America/New_York",
        ["central"] = "America/Chicago", ["central time"] = "America/Chicago", ["cst"] = "America/Chicago", ["cdt"] = "America/Chicago",
        ["mountain"] = "America/Denver", ["mountain time"] = "America/Denver", ["mst"] = "America/Denver", ["mdt"] = "America/Denver",
        ["pacific"] = "America/Los_Angeles", ["pacific time"] = "America/Los_Angeles", ["pst"] = "America/Los_Angeles", ["pdt"] = "America/Los_Angeles",
        ["utc"] = "Etc/UTC", ["gmt"] = "Etc/UTC", ["cet"] = "Europe/Paris", ["cest"] = "Europe/Paris",
        ["india"] = "Asia/Kolkata", ["ist"] = "Asia/Kolkata", ["germany"] = "Europe/Berlin", ["france"] = "Europe/Paris",
        ["spain"] = "Europe/Madrid", ["italy"] = "Europe/Rome", ["netherlands"] = "Europe/Amsterdam", ["japan"] = "Asia/Tokyo",
        ["new zealand"] = "Pacific/Auckland", ["nigeria"] = "Africa/Lagos", ["south africa"] = "Africa/Johannesburg",
        ["washington"] = "America/New_York", ["boston"] = "America/New_York", ["san francisco"] = "America/Los_Angeles",
        ["seattle"] = "America/Los_Angeles", ["dallas"] = "America/Chicago", ["houston"] = "America/Chicago", ["miami"] = "America/New_York",
        ["atlanta"] = "America/New_York", ["montreal"] = "America/Toronto", ["glasgow"] = "Europe/London", ["edinburgh"] = "Europe/London",
        ["manchester"] = "Europe/London", ["birmingham"] = "Europe/London", ["cardiff"] = "Europe/London", ["belfast"] = "Europe/London",
        ["mumbai"] = "Asia/Kolkata", ["delhi"] = "Asia/Kolkata", ["new delhi"] = "Asia/Kolkata", ["bangalore"] = "Asia/Kolkata",
    };

    private static readonly Lazy<Dictionary<string, string>> s_cities = new(() =>
    {
        // "new york" -> America/New_York, from the last part of every IANA name the system and TimeZoneConverter know.
        var cities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in TZConvert.KnownIanaTimeZoneNames.Order(StringComparer.Ordinal))
        {
            var slash = id.LastIndexOf('/');
            if (slash < 0 || id.StartsWith("Etc/", StringComparison.Ordinal) || !TZConvert.TryGetTimeZoneInfo(id, out _))
            {
                continue;
            }

            cities.TryAdd(TextNormalizer.Canonical(id[(slash + 1)..].Replace('_', ' ')), id);
        }

        return cities;
    });

    /// <summary>
    /// Loads TimeZoneConverter's tables and the city names (a few seconds, once per process), so the first user to set
    /// a reminder does not wait for them. The bot calls it among its start-up work.
    /// </summary>
    public static void Warmup()
    {
        NormalizeZoneId("Europe/London");
        ZoneFromAnswer("London");
    }

    /// <summary>The zone an IANA, Windows or Rails name stands for, as an IANA name; null if unknown.</summary>
    public static string? NormalizeZoneId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        id = id.Trim();
        if (TZConvert.TryWindowsToIana(id, out var fromWindows))
        {
            return fromWindows;
        }

        if (TZConvert.TryRailsToIana(id, out var fromRails))
        {
            return fromRails;
        }

        return TZConvert.TryGetTimeZoneInfo(id, out _) && id.Contains('/', StringComparison.Ordinal) || id is "UTC" or "Etc/UTC"
            ? (id == "UTC" ? "Etc/UTC" : id)
            : null;
    }

    public static TimeZoneInfo Zone(string ianaId) => TZConvert.GetTimeZoneInfo(ianaId);

    /// <summary>
    /// The time zone the channel gave with this activity: <c>localTimezone</c> (Teams and Web Chat send it with every
    /// message), or Teams' <c>clientInfo</c> entity.
    /// </summary>
    public static string? ZoneOf(IActivity activity)
    {
        if (NormalizeZoneId((activity as Activity)?.LocalTimezone) is { } zone)
        {
            return zone;
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase)
                && entity.Properties?["timezone"] is JValue { Type: JTokenType.String } value
                && NormalizeZoneId(value.Value<string>()) is { } fromClient)
            {
                return fromClient;
            }
        }

        return null;
    }

    /// <summary>A zone as a person names it: an IANA or Windows name, a big city, a country with one zone, or a common abbreviation.</summary>
    public static string? ZoneFromAnswer(string? text)
    {
        if (NormalizeZoneId(text?.Trim()) is { } direct)
        {
            return direct;
        }

        // "I'm in Berlin", "we live in New York": the zone is named by the last words.
        var words = TextNormalizer.Canonical(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 12)
        {
            return null;
        }

        for (var skip = 0; skip < words.Length; skip++)
        {
            var candidate = string.Join(' ', words[skip..]);
            foreach (var suffix in new[] { string.Empty, " time zone", " timezone", " time" })
            {
                if (suffix.Length > 0 && !candidate.EndsWith(suffix, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = candidate[..^suffix.Length];
                if (s_zoneWords.TryGetValue(name, out var known) || s_cities.Value.TryGetValue(name, out known))
                {
                    return known;
                }
            }
        }

        return null;
    }

    /// <summary>The Quartz cron expression of a schedule: second, minute, hour, any day of the month, every month, the days.</summary>
    public static string Cron(ReminderSchedule schedule)
    {
        var time = schedule.LocalTime;
        var days = schedule.DayMask.Bits == DayMask.Everyday.Bits
            ? "*"
            : string.Join(",", schedule.DayMask.Days().Select(d => d.ToString()[..3].ToUpperInvariant()));
        return string.Create(CultureInfo.InvariantCulture, $"0 {time.Minute} {time.Hour} ? * {days}");
    }

    /// <summary>The next times the schedule fires after <paramref name="after"/>, as the scheduler will fire them.</summary>
    public static IEnumerable<DateTimeOffset> NextTimes(ReminderSchedule schedule, DateTimeOffset after)
    {
        var expression = new CronExpression(Cron(schedule), Zone(schedule.TimeZone));
        var next = expression.GetNextValidTimeAfter(after);
        while (next is { } time)
        {
            yield return time;
            next = expression.GetNextValidTimeAfter(time);
        }
    }

    public static DateTimeOffset Local(DateTimeOffset instant, string zone) => TimeZoneInfo.ConvertTime(instant, Zone(zone));

    /// <summary>"6:00 PM".</summary>
    public static string Say(TimeOnly time) => time.ToString("h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>"Sat 29 Mar, 6:00 PM".</summary>
    public static string SayDayAndTime(DateTimeOffset local) => local.ToString("ddd d MMM, h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>"every day at 6:00 PM", "on Mon, Wed, Fri at 12:00 PM".</summary>
    public static string SaySchedule(Texts texts, ReminderSchedule schedule) => SaySchedule(texts, schedule.DayMask, schedule.LocalTime);

    public static string SaySchedule(Texts texts, DayMask days, TimeOnly time)
    {
        var dayWords = days.Bits == DayMask.Everyday.Bits ? texts[TextKeys.ReminderEveryDay]
            : days.Bits == DayMask.Weekdays.Bits ? texts[TextKeys.ReminderWeekdays]
            : days.Bits == DayMask.Weekends.Bits ? texts[TextKeys.ReminderWeekends]
            : texts.Get(TextKeys.ReminderSomeDays, ("text", string.Join(", ", days.Days().Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)))));
        return texts.Get(TextKeys.ReminderSchedule, ("text", dayWords), ("date", Say(time)));
    }

    /// <summary>The schedule with its zone: "every day at 6:00 PM (Europe/London time)".</summary>
    public static string SayScheduleWithZone(Texts texts, ReminderSchedule schedule)
        => SaySchedule(texts, schedule) + " (" + texts.Get(TextKeys.ReminderZone, ("text", schedule.TimeZone)) + ")";
}
