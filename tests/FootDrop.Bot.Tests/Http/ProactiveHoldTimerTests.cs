using FootDrop.Bot.Conversation;
using FootDrop.Bot.Proactive;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace FootDrop.Bot.Tests.Http;

/// <summary>
/// A timed hold over the real protocol: when the hold time is up the bot says "relax" by itself, as a proactive
/// message posted to the channel's serviceUrl. Time comes only from a fake clock the test moves: nothing sleeps 30
/// seconds, and "not yet" is read from the clock's timers, not from a real-time wait in which nothing arrived.
/// </summary>
public sealed class ProactiveHoldTimerTests : IAsyncLifetime
{
    private readonly WatchedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private BotApp _bot = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApp(services: services => services.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Relax_arrives_by_itself_when_the_hold_time_is_up()
    {
        const string conversation = "conv-hold";
        var texts = _bot.Services.GetRequiredService<Texts>();
        await SeedAsync("user-hold");

        foreach (var text in new[] { "calf stretch", "no", "next", "next", "next", "next" })
        {
            await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, text, "user-hold"));
        }

        Assert.Contains("Hold that stretch for 20 to 30 seconds", _connector.Received.Last().Text);
        _connector.Clear();

        await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, "Start hold", "user-hold"));
        var holdStarted = _clock.GetUtcNow();
        var started = await _connector.WaitForAsync(1);
        Assert.Equal(texts.Get(TextKeys.ExerciseHoldStarted, ("seconds", 30)), started[0].Text);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_clock.Fired);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(holdStarted.AddSeconds(30), Assert.Single(_clock.Fired));
        var replies = await _connector.WaitForAsync(2);
        Assert.Equal(texts[TextKeys.ExerciseHoldDone], replies[1].Text);
        Assert.Equal(conversation, replies[1].Conversation.Id);
    }

    [Fact]
    public async Task A_new_message_during_the_hold_cancels_the_late_relax()
    {
        const string conversation = "conv-hold-cancel";
        await SeedAsync("user-cancel");
        foreach (var text in new[] { "calf stretch", "no", "next", "next", "next", "next", "Start hold" })
        {
            await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, text, "user-cancel"));
        }

        Assert.Equal(_bot.Services.GetRequiredService<Texts>().Get(TextKeys.ExerciseHoldStarted, ("seconds", 30)), _connector.Received.Last().Text);
        await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, "next", "user-cancel"));
        _connector.Clear();
        _clock.Advance(TimeSpan.FromSeconds(60));

        // No timer fired, so no relax is on its way either.
        Assert.Empty(_clock.Fired);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task A_hold_ended_in_the_stored_conversation_says_nothing_when_its_timer_is_due()
    {
        const string conversation = "conv-hold-elsewhere";
        await SeedAsync("user-elsewhere");
        foreach (var text in new[] { "calf stretch", "no", "next", "next", "next", "next", "Start hold" })
        {
            await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversation, text, "user-elsewhere"));
        }

        Assert.Equal(_bot.Services.GetRequiredService<Texts>().Get(TextKeys.ExerciseHoldStarted, ("seconds", 30)), _connector.Received.Last().Text);

        // What a message on another instance leaves behind: the stored conversation without the hold, and this
        // process's timer still running.
        await EndStoredHoldAsync(conversation, "user-elsewhere");
        _connector.Clear();
        var holds = _bot.Services.GetRequiredService<HoldTimers>();
        var settled = holds.Settled;
        _clock.Advance(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => holds.Settled > settled);

        Assert.Single(_clock.Fired);
        Assert.Empty(_connector.Received);
    }

    private async Task EndStoredHoldAsync(string conversationId, string userId)
    {
        var state = _bot.Services.GetRequiredService<BotStateAccessors>();
        var reference = new ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = _connector.ServiceUrl.ToString(),
            User = new ChannelAccount(userId),
            Bot = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: conversationId),
        };
        var adapter = new TestAdapter(reference);
        await adapter.ProcessActivityAsync(adapter.MakeActivity(), async (turn, ct) =>
        {
            Assert.NotNull(await state.PendingHold.GetAsync(turn, null, ct));
            await state.PendingHold.DeleteAsync(turn, ct);
            await state.ConversationState.SaveChangesAsync(turn, false, ct);
        }, CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The hold timer did not settle.");
            await Task.Delay(10);
        }
    }

    private Task SeedAsync(string userId)
    {
        var reference = new ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = _connector.ServiceUrl.ToString(),
            User = new ChannelAccount(userId),
            Bot = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: "seed-" + userId),
        };
        return _bot.SeedAsync(new TestAdapter(reference), p =>
        {
            p.Side = "left";
            p.LastTriage = new TriageRecord { Level = "routine", On = _clock.GetUtcNow() };
        });
    }
}
