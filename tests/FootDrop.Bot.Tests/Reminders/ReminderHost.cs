using System.Collections.Concurrent;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.Reminders;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Reminders;

/// <summary>
/// The whole bot with its reminder scheduler (Quartz's memory store unless the settings say otherwise), on a fake clock
/// the test moves; every firing's outcome is recorded, so a test waits for the firing instead of for time to pass.
/// </summary>
public sealed class ReminderHost : IDisposable
{
    private readonly ConcurrentQueue<ReminderOutcome> _outcomes = new();
    private readonly SemaphoreSlim _fired = new(0);

    public ReminderHost(FakeTimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        Clock = clock;
        App = new BotApp(settings, services => services.AddSingleton<TimeProvider>(clock));
        App.Services.GetRequiredService<FootDrop.Content.Triage.Semantic.SemanticReader>().WhenReady.GetAwaiter().GetResult();
        ReminderTimes.Warmup();
        Delivery.Completed += outcome =>
        {
            _outcomes.Enqueue(outcome);
            _fired.Release();
        };
    }

    public FakeTimeProvider Clock { get; }

    public BotApp App { get; }

    public IBot Bot => App.Services.GetRequiredService<IBot>();

    public Texts Texts => App.Services.GetRequiredService<Texts>();

    public ReminderScheduler Scheduler => App.Services.GetRequiredService<ReminderScheduler>();

    public ReminderDelivery Delivery => App.Services.GetRequiredService<ReminderDelivery>();

    public ReminderAccessor Reminders => App.Services.GetRequiredService<ReminderAccessor>();

    public IReadOnlyCollection<ReminderOutcome> Outcomes => _outcomes;

    /// <summary>Waits (bounded) until <paramref name="count"/> firings have finished in all, and returns them.</summary>
    public async Task<IReadOnlyList<ReminderOutcome>> WaitForOutcomesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_outcomes.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _fired.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} reminder firings, saw {_outcomes.Count}.");
            }
        }

        return [.. _outcomes];
    }

    /// <summary>A conversation of a new user on a channel; its messages carry <paramref name="zone"/> as Teams and Web Chat send it.</summary>
    public TestAdapter NewConversation(string channelId = Channels.Emulator, string? serviceUrl = null)
    {
        var id = Guid.NewGuid().ToString("N");
        return new TestAdapter(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = serviceUrl ?? "https://test.invalid/",
            User = new ChannelAccount("user-" + id, "User"),
            Bot = new ChannelAccount("bot", "FootDrop.Bot"),
            Conversation = new ConversationAccount(conversationType: "personal", id: "conv-" + id),
            Locale = "en-US",
        });
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot.OnTurnAsync);

    public async Task<DateTimeOffset?> NextFireAsync(TestAdapter adapter)
    {
        var reference = adapter.Conversation;
        return (await Scheduler.TriggerAsync(reference.ChannelId, reference.User.Id, CancellationToken.None))?.NextFireTimeUtc;
    }

    public async Task<ReminderState> StateAsync(TestAdapter adapter)
    {
        ReminderState? state = null;
        await adapter.ProcessActivityAsync(adapter.MakeActivity(), async (turn, ct) => state = await Reminders.GetAsync(turn, ct), CancellationToken.None);
        return state!;
    }

    public void Dispose() => App.Dispose();
}

public static class ReminderFlow
{
    /// <summary>A message as Teams and Web Chat send it, with the user's time zone.</summary>
    public static TestFlow SendIn(this TestFlow flow, TestAdapter adapter, string text, string? zone)
    {
        var activity = adapter.MakeActivity(text);
        activity.LocalTimezone = zone;
        return flow.Send(activity);
    }
}
