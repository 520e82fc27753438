using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Reminders;

/// <summary>Exercise reminders (section <c>Reminders</c>): quiet hours, how late a reminder may still go out, the scheduler's store.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Start of the quiet hours, local to the user: no reminder from then on unless the user chose that time.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>End of the quiet hours, local to the user.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>
    /// A reminder that could not go out on time (every instance was down) is still sent if it is at most this late, and
    /// skipped beyond it: "time for your exercises" at 3 a.m. for a 6 p.m. reminder helps nobody.
    /// </summary>
    public TimeSpan SkipWhenLateBy { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Prefix of the scheduler's tables in the bot's database (tests give each run its own).</summary>
    public string TablePrefix { get; set; } = "qrtz_";

    /// <summary>How often a clustered instance (PostgreSQL) tells the others it is alive; a silent one's work is taken over.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an "Add to my calendar" link works.</summary>
    public TimeSpan CalendarLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Minutes the calendar event lasts (the exercises take about this long).</summary>
    public int CalendarEventMinutes { get; set; } = 20;

    public bool IsQuiet(TimeOnly localTime) => QuietHoursStart > QuietHoursEnd
        ? localTime >= QuietHoursStart || localTime < QuietHoursEnd
        : localTime >= QuietHoursStart && localTime < QuietHoursEnd;
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (options.QuietHoursStart == options.QuietHoursEnd)
        {
            failures.Add($"Reminders:QuietHoursStart and Reminders:QuietHoursEnd are both {options.QuietHoursStart:HH\\:mm}; give the quiet hours a length (default 21:00 to 08:00).");
        }

        if (options.SkipWhenLateBy < TimeSpan.FromMinutes(5) || options.SkipWhenLateBy > TimeSpan.FromHours(12))
        {
            failures.Add($"Reminders:SkipWhenLateBy must be between 00:05:00 and 12:00:00, not {options.SkipWhenLateBy}.");
        }

        if (string.IsNullOrWhiteSpace(options.TablePrefix) || options.TablePrefix.Length > 30 || !options.TablePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || !char.IsAsciiLetterLower(options.TablePrefix[0]))
        {
            failures.Add($"Reminders:TablePrefix '{options.TablePrefix}' must be 1 to 30 lower-case letters, digits or underscores, starting with a letter (default qrtz_).");
        }

        if (options.ClusterCheckinInterval < TimeSpan.FromSeconds(1) || options.ClusterCheckinInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Reminders:ClusterCheckinInterval must be between 00:00:01 and 00:05:00, not {options.ClusterCheckinInterval}.");
        }

        if (options.CalendarLinkLifetime < TimeSpan.FromMinutes(5) || options.CalendarLinkLifetime > TimeSpan.FromDays(366))
        {
            failures.Add($"Reminders:CalendarLinkLifetime must be between 00:05:00 and 366.00:00:00, not {options.CalendarLinkLifetime}.");
        }

        if (options.CalendarEventMinutes is < 5 or > 180)
        {
            failures.Add($"Reminders:CalendarEventMinutes must be between 5 and 180, not {options.CalendarEventMinutes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
