using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Reminders;

/// <summary>
/// "Add to my calendar" on the web: the link in the confirmation serves an iCalendar file that Ical.Net reads back,
/// whose recurrence gives the reminder's next dates at the same local time in the user's zone, across the change to
/// summer time. The clock stands at Thursday 27 March 2025, 12:00 UTC; the UK moves to BST on Sunday 30 March.
/// </summary>
public sealed class CalendarFileTests : IDisposable
{
    private readonly ReminderHost _bot = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 27, 12, 0, 0, TimeSpan.Zero)));
    private readonly DirectLineClient _client;

    public CalendarFileTests() => _client = new DirectLineClient(_bot.App.Http);

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task The_calendar_file_recurs_on_the_reminders_days_at_its_local_time_across_daylight_saving()
    {
        var grant = await _client.StartNewAsync();
        var link = await SetReminderAsync(grant, "remind me weekdays at 6pm");

        var response = await _bot.App.Http.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var exercise = Assert.Single(calendar.Events);
        Assert.Equal("Europe/London", exercise.DtStart!.TzId);
        Assert.Equal(new TimeOnly(18, 0), exercise.DtStart.Time);
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "Europe/London");
        var alarm = Assert.Single(exercise.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);

        var next = exercise.GetOccurrences(new CalDateTime(new DateTime(2025, 3, 27, 12, 0, 0, DateTimeKind.Utc))).Take(5).Select(o => o.Period.StartTime).ToList();
        Assert.All(next, start => Assert.Equal(new TimeOnly(18, 0), start.ToTimeZone("Europe/London").Time));
        Assert.Equal(
            [
                new DateTime(2025, 3, 27, 18, 0, 0, DateTimeKind.Utc),
                new DateTime(2025, 3, 28, 18, 0, 0, DateTimeKind.Utc),
                new DateTime(2025, 3, 31, 17, 0, 0, DateTimeKind.Utc),
                new DateTime(2025, 4, 1, 17, 0, 0, DateTimeKind.Utc),
                new DateTime(2025, 4, 2, 17, 0, 0, DateTimeKind.Utc),
            ],
            next.Select(start => start.AsUtc).ToArray());
    }

    [Fact]
    public async Task An_every_day_reminder_is_a_daily_event_in_the_users_zone()
    {
        var grant = await _client.StartNewAsync();
        var link = await SetReminderAsync(grant, "remind me every day at 7:15am", "America/New_York");

        var calendar = Calendar.Load(await _bot.App.Http.GetStringAsync(new Uri(link).PathAndQuery))!;

        var exercise = Assert.Single(calendar.Events);
        Assert.Equal(FrequencyType.Daily, exercise.RecurrenceRule!.Frequency);
        var next = exercise.GetOccurrences(new CalDateTime(new DateTime(2025, 3, 27, 12, 0, 0, DateTimeKind.Utc))).Take(3).Select(o => o.Period.StartTime.AsUtc).ToArray();

        // New York is already on summer time (UTC-4): 7:15 local is 11:15 UTC.
        Assert.Equal(
            [
                new DateTime(2025, 3, 28, 11, 15, 0, DateTimeKind.Utc),
                new DateTime(2025, 3, 29, 11, 15, 0, DateTimeKind.Utc),
                new DateTime(2025, 3, 30, 11, 15, 0, DateTimeKind.Utc),
            ],
            next);
    }

    [Fact]
    public async Task A_link_to_a_reminder_that_was_changed_since_finds_nothing()
    {
        var grant = await _client.StartNewAsync();
        var oldLink = await SetReminderAsync(grant, "remind me weekdays at 6pm");
        await SetReminderAsync(grant, "change my reminder to 7pm");

        Assert.Equal(HttpStatusCode.NotFound, (await _bot.App.Http.GetAsync(new Uri(oldLink).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_link_finds_nothing()
    {
        var grant = await _client.StartNewAsync();
        var link = new Uri(await SetReminderAsync(grant, "remind me weekdays at 6pm")).PathAndQuery;
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        Assert.Equal(HttpStatusCode.NotFound, (await _bot.App.Http.GetAsync(tampered)).StatusCode);
    }

    /// <summary>Sends the message as the page does, with its zone, and returns the "Add to my calendar" link of the confirmation.</summary>
    private async Task<string> SetReminderAsync(DirectLineClient.Grant grant, string text, string zone = "Europe/London")
    {
        var response = await _client.PostAsync(grant, new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["localTimezone"] = zone,
            ["from"] = new JObject { ["id"] = grant.UserId },
        }.ToString());
        Assert.True(response.IsSuccessStatusCode);
        var activities = (JArray)(await _client.GetActivitiesAsync(grant))["activities"]!;
        return activities
            .SelectMany(a => a["attachments"] as JArray ?? [])
            .Select(attachment => attachment["content"]?["actions"]?[0]?.Value<string>("url"))
            .Last(url => url is not null)!;
    }
}
