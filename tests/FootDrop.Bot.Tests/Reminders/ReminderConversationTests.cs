using FootDrop.Bot.Conversation;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Reminders;

/// <summary>
/// Setting, changing, listing and stopping reminders in conversation, in several phrasings and time zones: each is
/// confirmed in plain words with the next time it fires, and that time is the one the scheduler holds.
/// The clock stands at Monday 23 November 2026, 09:00 UTC.
/// </summary>
public sealed class ReminderConversationTests : IClassFixture<ReminderConversationTests.Host>
{
    private readonly ReminderHost _bot;

    public ReminderConversationTests(Host host) => _bot = host.Bot;

    private Texts T => _bot.Texts;

    public sealed class Host : IDisposable
    {
        public ReminderHost Bot { get; } = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

        public void Dispose() => Bot.Dispose();
    }

    [Theory]
    [InlineData("remind me every day at 6pm", "Europe/London", "every day at 6:00 PM (Europe/London time)", "Mon 23 Nov, 6:00 PM", "2026-11-23T18:00:00Z")]
    [InlineData("Remind me weekdays at 7:30 pm", "America/New_York", "on weekdays at 7:30 PM (America/New_York time)", "Mon 23 Nov, 7:30 PM", "2026-11-24T00:30:00Z")]
    [InlineData("remind me Mon Wed Fri at noon", "Asia/Kolkata", "on Mon, Wed, Fri at 12:00 PM (Asia/Kolkata time)", "Wed 25 Nov, 12:00 PM", "2026-11-25T06:30:00Z")]
    [InlineData("please set a reminder for 18:30 on tuesdays and thursdays", "Australia/Sydney", "on Tue, Thu at 6:30 PM (Australia/Sydney time)", "Tue 24 Nov, 6:30 PM", "2026-11-24T07:30:00Z")]
    [InlineData("remind me at 0630 at weekends", "Europe/Berlin", "at weekends at 6:30 AM (Europe/Berlin time)", "Sat 28 Nov, 6:30 AM", "2026-11-28T05:30:00Z")]
    public async Task A_reminder_is_confirmed_with_its_next_time_in_the_users_zone(string message, string zone, string schedule, string next, string nextUtc)
    {
        var adapter = _bot.NewConversation();
        await _bot.Flow(adapter)
            .SendIn(adapter, message, zone)
            .Says(T.Get(TextKeys.ReminderSet, ("text", schedule), ("date", next)))
            .StartTestAsync();

        Assert.Equal(DateTimeOffset.Parse(nextUtc, System.Globalization.CultureInfo.InvariantCulture), await _bot.NextFireAsync(adapter));
    }

    [Fact]
    public async Task Teams_gives_the_zone_in_its_client_info_entity()
    {
        var adapter = _bot.NewConversation(Channels.Msteams);
        var message = adapter.MakeActivity("remind me every day at 6pm");
        message.Entities = [new Entity("clientInfo") { Properties = new JObject { ["locale"] = "en-US", ["timezone"] = "America/Chicago" } }];

        await _bot.Flow(adapter)
            .Send(message)
            .Says(T.Get(TextKeys.ReminderSet, ("text", "every day at 6:00 PM (America/Chicago time)"), ("date", "Mon 23 Nov, 6:00 PM")))
            .StartTestAsync();
    }

    [Fact]
    public async Task Without_a_zone_from_the_channel_the_bot_asks_once_and_remembers_the_answer()
    {
        var adapter = _bot.NewConversation("sms");
        await _bot.Flow(adapter)
            .Send("remind me every day at 6pm")
            .Says(T[TextKeys.ReminderAskZone])
            .Send("somewhere nice")
            .Says(T[TextKeys.ReminderAskZoneRetry])
            .Send("I'm in Berlin")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "every day at 6:00 PM (Europe/Berlin time)"), ("date", "Mon 23 Nov, 6:00 PM")))
            .AssertReplyContains(T[TextKeys.MenuAgain])
            .Send("change my reminder to weekdays at 8am")
            .Says(T.Get(TextKeys.ReminderChanged, ("text", "on weekdays at 8:00 AM (Europe/Berlin time)"), ("date", "Tue 24 Nov, 8:00 AM")))
            .StartTestAsync();

        Assert.Equal("Europe/Berlin", (await _bot.StateAsync(adapter)).TimeZone);
    }

    [Theory]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("Eastern time", "America/New_York")]
    [InlineData("Europe/Lisbon", "Europe/Lisbon")]
    [InlineData("kolkata", "Asia/Kolkata")]
    public async Task A_zone_may_be_named_as_windows_an_iana_id_a_city_or_a_region(string answer, string zone)
    {
        var adapter = _bot.NewConversation("sms");
        await _bot.Flow(adapter)
            .Send("remind me every day at 6pm")
            .Says(T[TextKeys.ReminderAskZone])
            .Send(answer)
            .AssertReplyContains($"({zone} time)")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_time_that_could_be_morning_or_evening_is_asked_about()
    {
        var adapter = _bot.NewConversation();
        await _bot.Flow(adapter)
            .SendIn(adapter, "remind me weekdays at 7:30", "Europe/London")
            .Offers(T.Get(TextKeys.ReminderMorningOrEvening, ("text", "7:30")), "7:30 AM", "7:30 PM")
            .SendIn(adapter, "evening", "Europe/London")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "on weekdays at 7:30 PM (Europe/London time)"), ("date", "Mon 23 Nov, 7:30 PM")))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("remind me every day at 25:00", "25:00")]
    [InlineData("remind me at 6:75pm", "6:75pm")]
    [InlineData("remind me daily at 13pm", "13pm")]
    public async Task An_impossible_time_is_named_and_a_real_one_asked_for(string message, string invalid)
    {
        var adapter = _bot.NewConversation();
        await _bot.Flow(adapter)
            .SendIn(adapter, message, "Europe/London")
            .Says(T.Get(TextKeys.ReminderInvalidTime, ("text", invalid)))
            .Says(T[TextKeys.ReminderAskTime])
            .SendIn(adapter, "tomorrow", "Europe/London")
            .Says(T[TextKeys.ReminderAskTimeRetry])
            .SendIn(adapter, "6pm", "Europe/London")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "every day at 6:00 PM (Europe/London time)"), ("date", "Mon 23 Nov, 6:00 PM")))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_reminder_is_listed_changed_and_stopped()
    {
        var adapter = _bot.NewConversation();
        await _bot.Flow(adapter)
            .SendIn(adapter, "what are my reminders", "Europe/London")
            .Says(T[TextKeys.ReminderListNone])
            .Says(T[TextKeys.MenuAgain])
            .SendIn(adapter, "remind me Mon Wed Fri at 5pm", "Europe/London")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "on Mon, Wed, Fri at 5:00 PM (Europe/London time)"), ("date", "Mon 23 Nov, 5:00 PM")))
            .Says(T[TextKeys.MenuAgain])
            .SendIn(adapter, "change my reminder", "Europe/London")
            .Says(T[TextKeys.ReminderAskTime])
            .SendIn(adapter, "6:15pm", "Europe/London")
            .Says(T.Get(TextKeys.ReminderChanged, ("text", "on Mon, Wed, Fri at 6:15 PM (Europe/London time)"), ("date", "Mon 23 Nov, 6:15 PM")))
            .Says(T[TextKeys.MenuAgain])
            .SendIn(adapter, "What are my reminders?", "Europe/London")
            .Says(T.Get(TextKeys.ReminderList, ("text", "on Mon, Wed, Fri at 6:15 PM (Europe/London time)"), ("date", "Mon 23 Nov, 6:15 PM")))
            .Says(T[TextKeys.MenuAgain])
            .SendIn(adapter, "stop reminders", "Europe/London")
            .Says(T[TextKeys.ReminderStopped])
            .Says(T[TextKeys.MenuAgain])
            .SendIn(adapter, "stop my reminders", "Europe/London")
            .Says(T[TextKeys.ReminderStopNone])
            .StartTestAsync();

        Assert.Null(await _bot.NextFireAsync(adapter));
        Assert.Null((await _bot.StateAsync(adapter)).Schedule);
    }

    [Fact]
    public async Task The_menu_entry_shows_the_reminder_and_how_to_change_it()
    {
        var adapter = _bot.NewConversation();
        await _bot.Flow(adapter)
            .SendIn(adapter, "remind me every day at 6pm", "Europe/London")
            .SkipReplies(2)
            .SendIn(adapter, "Exercise reminders", "Europe/London")
            .Says(T.Get(TextKeys.ReminderList, ("text", "every day at 6:00 PM (Europe/London time)"), ("date", "Mon 23 Nov, 6:00 PM")))
            .Says(T[TextKeys.ReminderHint])
            .StartTestAsync();
    }

    [Fact]
    public async Task A_time_in_the_quiet_hours_is_kept_when_the_user_chose_it_and_said_so()
    {
        var adapter = _bot.NewConversation();
        await _bot.Flow(adapter)
            .SendIn(adapter, "remind me every day at 10pm", "Europe/London")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "every day at 10:00 PM (Europe/London time)"), ("date", "Mon 23 Nov, 10:00 PM")))
            .Says(T[TextKeys.ReminderQuietChosen])
            .StartTestAsync();

        Assert.True((await _bot.StateAsync(adapter)).Schedule!.QuietByChoice);
    }

    [Fact]
    public async Task On_the_web_the_confirmation_offers_the_calendar_file()
    {
        var adapter = _bot.NewConversation(Channels.Directline);
        await _bot.Flow(adapter)
            .SendIn(adapter, "remind me every day at 6pm", "Europe/London")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "every day at 6:00 PM (Europe/London time)"), ("date", "Mon 23 Nov, 6:00 PM")))
            .AssertReply(activity =>
            {
                var card = JObject.FromObject(((Activity)activity).Attachments.Single().Content);
                Assert.Equal(T[TextKeys.ReminderCalendarNote], card["body"]![0]!.Value<string>("text"));
                var action = card["actions"]![0]!;
                Assert.Equal("Action.OpenUrl", action.Value<string>("type"));
                Assert.Equal(T[TextKeys.ButtonAddToCalendar], action.Value<string>("title"));
                Assert.StartsWith("/api/reminders/calendar/", action.Value<string>("url"));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task After_a_finished_session_the_menu_offers_a_reminder_at_this_time_tomorrow()
    {
        var adapter = _bot.NewConversation();
        await _bot.App.SeedAsync(adapter, p =>
        {
            p.Side = "left";
            p.LastTriage = new TriageRecord { Level = "routine", On = _bot.Clock.GetUtcNow() };
        });
        var offer = T[TextKeys.ButtonReminderOffer];

        await _bot.Flow(adapter)
            .SendIn(adapter, "toe lifts", "Europe/London")
            .AssertReplyContains("since you last checked in")
            .SendIn(adapter, "no", "Europe/London")
            .SkipReplies(2)
            .AssertReplyContains("Getting ready")
            .SendIn(adapter, "next", "Europe/London")
            .AssertReplyContains("ep 1 of")
            .SendIn(adapter, "I did all reps", "Europe/London")
            .AssertReplyContains("Set 1 of 3 done")
            .SendIn(adapter, "Finish this exercise", "Europe/London")
            .AssertReplyContains("Toe lifts: done")
            .Says(T[TextKeys.PainPrompt])
            .SendIn(adapter, "1", "Europe/London")
            .Says(T.Get(TextKeys.SessionDone, ("count", 1)))
            .AssertReply(activity =>
            {
                Assert.Equal(T[TextKeys.MenuAgain], ((Activity)activity).Text);
                Assert.Equal(offer, ((Activity)activity).SuggestedActions.Actions[0].Title);
            })
            .SendIn(adapter, offer, "Europe/London")
            .Says(T.Get(TextKeys.ReminderSet, ("text", "every day at 9:00 AM (Europe/London time)"), ("date", "Tue 24 Nov, 9:00 AM")))
            .StartTestAsync();
    }

    [Fact]
    public async Task My_progress_shows_the_schedule_and_this_weeks_adherence()
    {
        var adapter = _bot.NewConversation();
        await _bot.App.SeedAsync(adapter, p => p.AddSession(new SessionRecord { Date = new DateOnly(2026, 11, 23), Exercises = ["toe-lifts"], Sets = 3, MaxPain = 1 }));
        await _bot.Flow(adapter)
            .SendIn(adapter, "remind me every day at 8am", "Europe/London")
            .SkipReplies(2)
            .SendIn(adapter, "my progress", "Europe/London")
            .AssertReplyContains(
                T.Get(TextKeys.ProgressReminders, ("text", "every day at 8:00 AM (Europe/London time)")),
                T.Get(TextKeys.ProgressAdherence, ("count", 1), ("sessions", 1)))
            .StartTestAsync();
    }
}

/// <summary>A reminder set the day before the clocks go forward fires at the same local time after the change.</summary>
public sealed class ReminderDaylightSavingConversationTests
{
    [Fact]
    public async Task Across_the_change_to_summer_time_the_reminder_keeps_its_local_time()
    {
        // Saturday 29 March 2025, 12:00 UTC: the UK moves from GMT to BST at 01:00 UTC the next morning.
        using var bot = new ReminderHost(new FakeTimeProvider(new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.Zero)));
        var adapter = bot.NewConversation();
        await bot.Flow(adapter)
            .SendIn(adapter, "remind me every day at 6pm", "Europe/London")
            .Says(bot.Texts.Get(TextKeys.ReminderSet, ("text", "every day at 6:00 PM (Europe/London time)"), ("date", "Sat 29 Mar, 6:00 PM")))
            .Says(bot.Texts[TextKeys.MenuAgain])
            .StartTestAsync();
        Assert.Equal(new DateTimeOffset(2025, 3, 29, 18, 0, 0, TimeSpan.Zero), await bot.NextFireAsync(adapter));

        // Past Saturday's reminder, the next one is Sunday's: 18:00 BST, which is 17:00 UTC.
        bot.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 29, 18, 30, 0, TimeSpan.Zero));
        await bot.WaitForOutcomesAsync(1);
        await bot.Flow(adapter)
            .SendIn(adapter, "what are my reminders", "Europe/London")
            .Says(bot.Texts.Get(TextKeys.ReminderList, ("text", "every day at 6:00 PM (Europe/London time)"), ("date", "Sun 30 Mar, 6:00 PM")))
            .StartTestAsync();
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 17, 0, 0, TimeSpan.Zero), await bot.NextFireAsync(adapter));
    }
}
