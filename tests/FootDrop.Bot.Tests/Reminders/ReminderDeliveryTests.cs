using FootDrop.Bot.Conversation;
using FootDrop.Bot.Reminders;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Reminders;

/// <summary>
/// Reminders delivered by the Quartz scheduler (memory store) on a fake clock, as proactive messages through the real
/// adapters: the Bot Framework channel adapter posting to a connector on 127.0.0.1 (Teams-shaped and Emulator), and
/// the built-in Direct Line that a Web Chat page polls. The clock stands at Monday 23 November 2026, 09:00 UTC, which
/// is 14:30 in Kolkata (UTC+5:30) and 09:00 in London.
/// </summary>
public sealed class ReminderDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private ReminderHost _bot = null!;
    private FakeConnector _connector = null!;

    private Texts T => _bot.Texts;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new ReminderHost(new FakeTimeProvider(Start));
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task In_Teams_the_reminder_arrives_at_the_users_local_time_with_start_and_not_today_buttons()
    {
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        var message = TeamsMessage(conversation, "remind me every day at 2:45pm");
        message.Entities = [new Entity("clientInfo") { Properties = new JObject { ["locale"] = "en-US", ["timezone"] = "Asia/Kolkata" } }];
        await _bot.App.PostActivityAsync(message);
        Assert.Equal(
            T.Get(TextKeys.ReminderSet, ("text", "every day at 2:45 PM (Asia/Kolkata time)"), ("date", "Mon 23 Nov, 2:45 PM")),
            (await _connector.WaitForAsync(1))[0].Text);
        _connector.Clear();

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero));

        var outcome = Assert.Single(await _bot.WaitForOutcomesAsync(1));
        Assert.Equal(ReminderOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), outcome.Firing.ScheduledUtc);
        var reminder = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Equal(conversation, reminder.Conversation.Id);
        var card = JObject.FromObject(Assert.Single(reminder.Attachments).Content);
        Assert.Equal(T.Get(TextKeys.ReminderDue, ("text", "every day at 2:45 PM")), card["body"]![0]!.Value<string>("text"));
        Assert.Equal(
            new[] { T[TextKeys.ButtonReminderStart], T[TextKeys.ButtonReminderSkip] },
            card["actions"]!.Select(a => a.Value<string>("title") ?? string.Empty).ToArray());
    }

    [Fact]
    public async Task On_the_web_the_reminder_appears_in_the_open_page_at_the_users_local_time()
    {
        var client = new DirectLineClient(_bot.App.Http);
        var grant = await client.StartNewAsync();
        await client.PostAsync(grant, new JObject
        {
            ["type"] = "message",
            ["text"] = "remind me every day at 9:20am",
            ["localTimezone"] = "Europe/London",
            ["from"] = new JObject { ["id"] = grant.UserId },
        }.ToString());
        Assert.Contains(
            T.Get(TextKeys.ReminderSet, ("text", "every day at 9:20 AM (Europe/London time)"), ("date", "Mon 23 Nov, 9:20 AM")),
            await client.BotTextsAsync(grant));

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 20, 0, TimeSpan.Zero));

        var outcome = Assert.Single(await _bot.WaitForOutcomesAsync(1));
        Assert.Equal(ReminderOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 20, 0, TimeSpan.Zero), outcome.Firing.ScheduledUtc);
        Assert.Equal(T.Get(TextKeys.ReminderDue, ("text", "every day at 9:20 AM")), (await client.BotTextsAsync(grant))[^1]);
    }

    [Fact]
    public async Task A_user_told_to_get_medical_help_gets_the_get_checked_first_note_instead_of_the_reminder()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        await SeedAsync(user, p => p.LastTriage = new TriageRecord { Level = "urgent", On = Start.AddDays(-1) });
        await SetReminderAsync(user, "remind me every day at 2:45pm", "Asia/Kolkata");

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero));

        Assert.Equal(ReminderOutcomeKind.SentSafetyNote, Assert.Single(await _bot.WaitForOutcomesAsync(1)).Kind);
        var note = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Equal(T[TextKeys.ReminderDueSafety], note.Text);
        Assert.Null(note.SuggestedActions);
        Assert.Empty(note.Attachments ?? []);
    }

    [Fact]
    public async Task Once_a_clinician_has_seen_the_user_the_reminder_is_the_usual_one_again()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        await SeedAsync(user, p => p.LastTriage = new TriageRecord { Level = "emergency", On = Start.AddDays(-3), ClinicianSeenOn = Start.AddDays(-1) });
        await SetReminderAsync(user, "remind me every day at 2:45pm", "Asia/Kolkata");

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero));

        Assert.Equal(ReminderOutcomeKind.Sent, Assert.Single(await _bot.WaitForOutcomesAsync(1)).Kind);
        Assert.Equal(T.Get(TextKeys.ReminderDue, ("text", "every day at 2:45 PM")), Assert.Single(await _connector.WaitForAsync(1)).Text);
    }

    [Fact]
    public async Task A_reminder_that_comes_late_into_the_quiet_hours_is_not_sent()
    {
        // 8:45pm in London; the clock jumps to 9:30pm (a busy or suspended machine), inside the quiet hours.
        var user = "user-" + Guid.NewGuid().ToString("N");
        await SetReminderAsync(user, "remind me every day at 8:45pm", "Europe/London");

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 30, 0, TimeSpan.Zero));

        var outcome = Assert.Single(await _bot.WaitForOutcomesAsync(1));
        Assert.Equal(ReminderOutcomeKind.SkippedQuietHours, outcome.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 45, 0, TimeSpan.Zero), outcome.Firing.ScheduledUtc);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task A_reminder_the_user_chose_inside_the_quiet_hours_is_sent()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        await SetReminderAsync(user, "remind me every day at 10pm", "Europe/London");

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero));

        Assert.Equal(ReminderOutcomeKind.Sent, Assert.Single(await _bot.WaitForOutcomesAsync(1)).Kind);
        Assert.Equal(T.Get(TextKeys.ReminderDue, ("text", "every day at 10:00 PM")), Assert.Single(await _connector.WaitForAsync(1)).Text);
    }

    [Fact]
    public async Task Delete_my_data_removes_the_reminder_from_the_scheduler()
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        var conversation = await SetReminderAsync(user, "remind me every day at 2:45pm", "Asia/Kolkata");
        Assert.NotNull(await _bot.Scheduler.TriggerAsync(Channels.Emulator, user, CancellationToken.None));

        await _bot.App.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, "delete my data", user));
        await _bot.App.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, "yes", user));
        Assert.Equal(T[TextKeys.DeleteDataDone], _connector.Received.Last().Text);

        Assert.Null(await _bot.Scheduler.TriggerAsync(Channels.Emulator, user, CancellationToken.None));
        Assert.Null(await _bot.Reminders.PeekScheduleAsync(Channels.Emulator, user, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_left_behind_by_erased_state_removes_itself_without_sending()
    {
        // The state is erased by another path (an old instance, a manual clean-up) while the scheduler job stays.
        var user = "user-" + Guid.NewGuid().ToString("N");
        await SetReminderAsync(user, "remind me every day at 2:45pm", "Asia/Kolkata");
        await SeedReminderStateAsync(user, state => state.Schedule = null);

        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero));

        Assert.Equal(ReminderOutcomeKind.Removed, Assert.Single(await _bot.WaitForOutcomesAsync(1)).Kind);
        Assert.Empty(_connector.Received);
        Assert.Null(await _bot.Scheduler.TriggerAsync(Channels.Emulator, user, CancellationToken.None));
    }

    /// <summary>Sets the reminder with an Emulator-shaped message that carries the zone, and clears the confirmation.</summary>
    private async Task<string> SetReminderAsync(string user, string text, string zone)
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        var message = Activities.EmulatorMessage(_connector.ServiceUrl, conversation, text, user);
        message.LocalTimezone = zone;
        await _bot.App.PostActivityAsync(message);
        Assert.StartsWith("Done. I'll remind you", (await _connector.WaitForAsync(1))[0].Text);
        _connector.Clear();
        return conversation;
    }

    private Task SeedAsync(string user, Action<UserProfile> set) => _bot.App.SeedAsync(Adapter(user), set);

    private async Task SeedReminderStateAsync(string user, Action<ReminderState> set)
    {
        var userState = _bot.App.Services.GetRequiredService<Microsoft.Bot.Builder.UserState>();
        await Adapter(user).ProcessActivityAsync(new Activity(ActivityTypes.Event) { From = new ChannelAccount(user) }, async (turn, ct) =>
        {
            set(await _bot.Reminders.GetAsync(turn, ct));
            await userState.SaveChangesAsync(turn, false, ct);
        }, CancellationToken.None);
    }

    private TestAdapter Adapter(string user) => new(new ConversationReference
    {
        ChannelId = Channels.Emulator,
        ServiceUrl = _connector.ServiceUrl.ToString(),
        User = new ChannelAccount(user),
        Bot = new ChannelAccount("bot"),
        Conversation = new ConversationAccount(id: "seed-" + user),
    });

    private Activity TeamsMessage(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channels.Msteams,
        ServiceUrl = _connector.ServiceUrl.ToString(),
        Conversation = new ConversationAccount(conversationType: "personal", id: conversation, tenantId: "tenant-1"),
        From = new ChannelAccount("29:" + Guid.NewGuid().ToString("N"), "Pat", aadObjectId: Guid.NewGuid().ToString()),
        Recipient = new ChannelAccount("28:bot", "FootDrop.Bot"),
        Text = text,
        Locale = "en-US",
        ChannelData = JObject.FromObject(new { tenant = new { id = "tenant-1" } }),
    };
}
