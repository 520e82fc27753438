using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// What the bot keeps about a user's exercise reminders, in the user's state beside their progress, so "delete my data"
/// and the expiry of user state take it with the rest. Only the schedule, the time zone, the conversation to remind in
/// (its ids and service address) and when reminders went out: no message text.
/// </summary>
public sealed class ReminderState
{
    /// <summary>Sent reminders older than this many are dropped: enough for this week's adherence and the streak.</summary>
    public const int MaxSent = 30;

    /// <summary>The user's IANA time zone, from their channel or, where it gives none, asked once.</summary>
    [JsonProperty("zone")]
    public string? TimeZone { get; set; }

    [JsonProperty("schedule")]
    public ReminderSchedule? Schedule { get; set; }

    [JsonProperty("sent")]
    public List<SentReminder> Sent { get; set; } = [];

    public void AddSent(SentReminder sent)
    {
        Sent.Add(sent);
        if (Sent.Count > MaxSent)
        {
            Sent.RemoveRange(0, Sent.Count - MaxSent);
        }
    }
}

/// <summary>One reminder schedule: days of the week at one local time, in one time zone.</summary>
public sealed class ReminderSchedule
{
    /// <summary>The days, one bit per <see cref="DayOfWeek"/> (Sunday is bit 0).</summary>
    [JsonProperty("days")]
    public int Days { get; set; }

    /// <summary>Local time of day, HH:mm.</summary>
    [JsonProperty("time")]
    public string Time { get; set; } = "18:00";

    /// <summary>IANA time zone the time is read in; daylight saving changes follow it.</summary>
    [JsonProperty("zone")]
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>The user chose a time inside the quiet hours themselves, so the quiet hours do not hold it back.</summary>
    [JsonProperty("quietByChoice")]
    public bool QuietByChoice { get; set; }

    /// <summary>Changes with every change of the schedule; a scheduled job or a calendar link for an older one is stale.</summary>
    [JsonProperty("version")]
    public string Version { get; set; } = string.Empty;

    /// <summary>The conversation the reminder was set in, where it is delivered (ids and service address only).</summary>
    [JsonProperty("conversation")]
    public string Conversation { get; set; } = string.Empty;

    /// <summary>The local day it was set: planned sessions are counted from then.</summary>
    [JsonProperty("since")]
    public DateOnly Since { get; set; }

    [JsonIgnore]
    public TimeOnly LocalTime => TimeOnly.ParseExact(Time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [JsonIgnore]
    public DayMask DayMask => new(Days);

    public ConversationReference ConversationReference() => JsonConvert.DeserializeObject<ConversationReference>(Conversation)!;

    public static string Store(ConversationReference reference)
    {
        // A message of its own in the conversation, never a reply to whatever the user said when setting it.
        reference.ActivityId = null;
        return JsonConvert.SerializeObject(reference, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
    }
}

/// <summary>A reminder that went out (or, on the web with the page closed, waits to be shown).</summary>
public sealed class SentReminder
{
    /// <summary>The user's local day it was for.</summary>
    [JsonProperty("day")]
    public DateOnly Day { get; set; }

    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    /// <summary>False while it waits for a web page to be opened.</summary>
    [JsonProperty("shown")]
    public bool Shown { get; set; }
}

/// <summary>A set of days of the week.</summary>
public readonly record struct DayMask(int Bits)
{
    public static readonly DayMask Everyday = new(0x7F);
    public static readonly DayMask Weekdays = Of(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);
    public static readonly DayMask Weekends = Of(DayOfWeek.Saturday, DayOfWeek.Sunday);

    public bool IsEmpty => (Bits & 0x7F) == 0;

    public bool Contains(DayOfWeek day) => (Bits & (1 << (int)day)) != 0;

    public DayMask With(DayOfWeek day) => new(Bits | (1 << (int)day));

    public DayMask Union(DayMask other) => new(Bits | other.Bits);

    /// <summary>Monday first, as people list them.</summary>
    public IEnumerable<DayOfWeek> Days() => new[]
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    }.Where(Contains);

    public static DayMask Of(params DayOfWeek[] days) => days.Aggregate(new DayMask(0), (mask, day) => mask.With(day));
}
