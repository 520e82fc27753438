using System.Globalization;
using System.Text.RegularExpressions;
using FootDrop.Content.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace FootDrop.Bot.Reminders;

public enum ReminderIntent
{
    None,

    /// <summary>"remind me every day at 6pm", or a time given when the bot asked for one.</summary>
    Set,

    /// <summary>"change my reminder" (to a time, or the bot asks).</summary>
    Change,

    /// <summary>"what are my reminders".</summary>
    List,

    /// <summary>"stop reminders".</summary>
    Stop,

    /// <summary>The menu's "Exercise reminders": what is set, and how to change it.</summary>
    Overview,

    /// <summary>"Remind me tomorrow at this time", offered after a finished session.</summary>
    ThisTimeTomorrow,
}

/// <summary>What a message asks of the reminders. Times are local to the user; no text of the message is kept.</summary>
public sealed class ReminderRequest
{
    public ReminderIntent Intent { get; set; }

    /// <summary>Days named, as a <see cref="DayMask"/>; 0 when none were.</summary>
    public int Days { get; set; }

    /// <summary>The time named (HH:mm); for a time that may be morning or evening, the morning one.</summary>
    public string? Time { get; set; }

    /// <summary>For "7:30" without am or pm: the evening reading, so the bot can ask which.</summary>
    public string? EveningTime { get; set; }

    /// <summary>The words of a time that is no time at all ("25:00"), to say back which one.</summary>
    public string? InvalidTime { get; set; }

    public bool HasTime => Time is not null;
}

/// <summary>
/// Reads reminder requests: the intent from a few fixed phrasings, the days from day words, and the time with
/// Microsoft.Recognizers.Text.DateTime (which reads "6pm", "noon", "half past six", "18:30", "7.30am"). A clock
/// time that cannot exist ("25:00", "6:75pm") is caught before the recogniser, which would otherwise read part of it.
/// </summary>
public sealed partial class ReminderLanguage
{
    public const string StartValue = "reminder-start";
    public const string NotTodayValue = "reminder-skip";
    public const string ThisTimeValue = "reminder-offer";

    private static readonly Dictionary<string, DayMask> s_dayWords = new(StringComparer.Ordinal)
    {
        ["monday"] = DayMask.Of(DayOfWeek.Monday), ["mondays"] = DayMask.Of(DayOfWeek.Monday), ["mon"] = DayMask.Of(DayOfWeek.Monday), ["mons"] = DayMask.Of(DayOfWeek.Monday),
        ["tuesday"] = DayMask.Of(DayOfWeek.Tuesday), ["tuesdays"] = DayMask.Of(DayOfWeek.Tuesday), ["tue"] = DayMask.Of(DayOfWeek.Tuesday), ["tues"] = DayMask.Of(DayOfWeek.Tuesday),
        ["wednesday"] = DayMask.Of(DayOfWeek.Wednesday), ["wednesdays"] = DayMask.Of(DayOfWeek.Wednesday), ["wed"] = DayMask.Of(DayOfWeek.Wednesday), ["weds"] = DayMask.Of(DayOfWeek.Wednesday),
        ["thursday"] = DayMask.Of(DayOfWeek.Thursday), ["thursdays"] = DayMask.Of(DayOfWeek.Thursday), ["thu"] = DayMask.Of(DayOfWeek.Thursday), ["thur"] = DayMask.Of(DayOfWeek.Thursday), ["thurs"] = DayMask.Of(DayOfWeek.Thursday),
        ["friday"] = DayMask.Of(DayOfWeek.Friday), ["fridays"] = DayMask.Of(DayOfWeek.Friday), ["fri"] = DayMask.Of(DayOfWeek.Friday),
        ["saturday"] = DayMask.Of(DayOfWeek.Saturday), ["saturdays"] = DayMask.Of(DayOfWeek.Saturday), ["sat"] = DayMask.Of(DayOfWeek.Saturday),
        ["sunday"] = DayMask.Of(DayOfWeek.Sunday), ["sundays"] = DayMask.Of(DayOfWeek.Sunday), ["sun"] = DayMask.Of(DayOfWeek.Sunday),
        ["weekday"] = DayMask.Weekdays, ["weekdays"] = DayMask.Weekdays, ["weekend"] = DayMask.Weekends, ["weekends"] = DayMask.Weekends,
        ["daily"] = DayMask.Everyday, ["everyday"] = DayMask.Everyday,
    };

    private static readonly string[] s_dayPhrases = ["every day", "each day", "every morning", "every evening", "every night", "every afternoon", "all week"];

    private static readonly string[] s_dayParts = ["am", "pm", "a m", "p m", "morning", "afternoon", "evening", "night", "tonight", "noon", "midday", "midnight", "lunchtime"];

    // Built on first use (the reminders' start-up work uses it first): it takes a fifth of a second, and the dialogs the
    // welcome waits for hold this class.
    private readonly Lazy<DateTimeModel> _model = new(() => new DateTimeRecognizer(Culture.English).GetDateTimeModel());

    public void Warmup() => Read("remind me every weekday at 7:30pm", new DateTime(2026, 1, 5, 9, 0, 0));

    /// <summary>The request a message makes of the reminders, or null when it is about something else.</summary>
    public ReminderRequest? Recognize(string? text, DateTime localNow)
    {
        var words = TextNormalizer.Canonical(text);
        if (words.Length == 0 || words.Length > 200)
        {
            return null;
        }

        var intent = IntentOf(words);
        if (intent == ReminderIntent.None)
        {
            return null;
        }

        var request = intent is ReminderIntent.Set or ReminderIntent.Change ? Read(text!, localNow) : new ReminderRequest();
        request.Intent = intent;
        return request;
    }

    /// <summary>The days and time in an answer to "when should I remind you?" (the intent is already known).</summary>
    public ReminderRequest Read(string text, DateTime localNow)
    {
        var request = new ReminderRequest { Intent = ReminderIntent.Set, Days = DaysIn(TextNormalizer.Canonical(text)).Bits };
        if (ImpossibleTime(text) is { } impossible)
        {
            request.InvalidTime = impossible;
            return request;
        }

        var twentyFourHour = TwentyFourHourTime().Match(text);
        if (twentyFourHour.Success)
        {
            request.Time = new TimeOnly(int.Parse(twentyFourHour.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(twentyFourHour.Groups["m"].Value, CultureInfo.InvariantCulture)).ToString("HH:mm", CultureInfo.InvariantCulture);
            return request;
        }

        foreach (var result in _model.Value.Parse(text, localNow))
        {
            if (result.Resolution?["values"] is not List<Dictionary<string, string>> values)
            {
                continue;
            }

            foreach (var value in values)
            {
                var timex = value.GetValueOrDefault("timex") ?? string.Empty;
                if (timex == "PRESENT_REF")
                {
                    request.Time = TimeOnly.FromDateTime(localNow).ToString("HH:mm", CultureInfo.InvariantCulture);
                    return request;
                }

                if (TimeOf(timex) is not { } time)
                {
                    continue;
                }

                request.Time = time.ToString("HH:mm", CultureInfo.InvariantCulture);
                if (MayBeEvening(result.Text, time))
                {
                    request.EveningTime = time.AddHours(12).ToString("HH:mm", CultureInfo.InvariantCulture);
                }

                return request;
            }
        }

        return request;
    }

    public static ReminderIntent IntentOf(string words)
    {
        if (words == TextNormalizer.Canonical(ThisTimeValue) || words == "remind me tomorrow at this time" || words == "remind me at this time tomorrow")
        {
            return ReminderIntent.ThisTimeTomorrow;
        }

        // "Reminder" or "remind me" only: "my physio reminded me to stretch" is not about the bot's reminders.
        if (!AboutReminders().IsMatch(words))
        {
            return ReminderIntent.None;
        }

        if (words is "reminders" or "reminder" or "exercise reminders" or "exercise reminder")
        {
            return ReminderIntent.Overview;
        }

        if (Regex.IsMatch(words, @"\b(stop|cancel|turn off|switch off|delete|remove|disable|end|no more|dont|do not|unsubscribe)\b"))
        {
            return ReminderIntent.Stop;
        }

        if (Regex.IsMatch(words, @"\b(change|move|edit|update|reschedule|adjust)\b"))
        {
            return ReminderIntent.Change;
        }

        if (words.StartsWith("remind me", StringComparison.Ordinal) || Regex.IsMatch(words, @"\b(set|add|create|new|want|like|need)\b"))
        {
            return ReminderIntent.Set;
        }

        if (Regex.IsMatch(words, @"\b(what|which|when|show|list|see|my|have|any)\b"))
        {
            return ReminderIntent.List;
        }

        return ReminderIntent.Set;
    }

    public static DayMask DaysIn(string words)
    {
        var days = new DayMask(0);
        foreach (var phrase in s_dayPhrases)
        {
            if (TextNormalizer.ContainsPhrase(words, phrase))
            {
                days = days.Union(DayMask.Everyday);
            }
        }

        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (s_dayWords.TryGetValue(word, out var named))
            {
                days = days.Union(named);
            }
        }

        return days;
    }

    /// <summary>The hour and minute of a timex such as <c>T18</c>, <c>T07:30</c> or <c>XXXX-WXX-5T12</c>.</summary>
    private static TimeOnly? TimeOf(string timex)
    {
        var match = TimexTime().Match(timex);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>"7:30" or "at 8" with nothing saying morning or evening, read as a morning time that could be the evening.</summary>
    private static bool MayBeEvening(string matched, TimeOnly time)
    {
        if (time.Hour is 0 or >= 12)
        {
            return false;
        }

        var words = TextNormalizer.Canonical(matched);
        return !s_dayParts.Any(part => TextNormalizer.ContainsPhrase(words, part)) && !ZeroPaddedHour().IsMatch(matched);
    }

    /// <summary>A clock time that does not exist, as written; null when every clock time in the text is a real one.</summary>
    private static string? ImpossibleTime(string text)
    {
        foreach (Match match in ClockTime().Matches(text))
        {
            var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = match.Groups["ampm"].Success;
            if (minute > 59 || hour > 24 || (hour == 24 && minute > 0) || (meridiem && (hour is 0 or > 12)))
            {
                return match.Value.Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(remind me|reminding me|reminder|reminders)\b")]
    private static partial Regex AboutReminders();

    [GeneratedRegex(@"T(?<h>\d{2})(?::(?<m>\d{2}))?")]
    private static partial Regex TimexTime();

    /// <summary>What is written as a clock time: hours and minutes ("25:00", "6:75pm"), or hours with am or pm ("13pm").</summary>
    [GeneratedRegex(@"\b(?<h>\d{1,3})(?:[:.](?<m>\d{2,3})(?:\s*(?<ampm>[ap]\.?m)\b)?|\s*(?<ampm>[ap]\.?m)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    /// <summary>"0630", "1830" after "at": a 24-hour time the recogniser does not read.</summary>
    [GeneratedRegex(@"\bat\s+(?<h>[01]\d|2[0-3])(?<m>[0-5]\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwentyFourHourTime();

    [GeneratedRegex(@"\b0\d[:.]\d{2}\b")]
    private static partial Regex ZeroPaddedHour();
}
