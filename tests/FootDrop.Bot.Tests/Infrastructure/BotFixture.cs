using FootDrop.Bot.Conversation;
using FootDrop.Content.Model;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// The bot as the application composes it (same services, same dialogs/ content), with in-memory state and a clock
/// the test moves, driven through Bot Builder's TestAdapter.
/// </summary>
public sealed class BotFixture : IDisposable
{
    public BotFixture()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        App = new BotApp(services: services => services.AddSingleton<TimeProvider>(Clock));

        // Transcripts must not depend on how far the sentence model got with loading in the background.
        App.Services.GetRequiredService<FootDrop.Content.Triage.Semantic.SemanticReader>().WhenReady.GetAwaiter().GetResult();
    }

    public BotApp App { get; }

    public FakeTimeProvider Clock { get; }

    public IBot Bot => App.Services.GetRequiredService<IBot>();

    public Texts Texts => App.Services.GetRequiredService<Texts>();

    public ContentCatalog Content => App.Services.GetRequiredService<ContentCatalog>();

    public RedFlagDetector Detector => App.Services.GetRequiredService<RedFlagDetector>();

    /// <summary>A new conversation with a new user, on the given channel.</summary>
    public TestAdapter NewConversation(string channelId = Channels.Emulator, string? conversationType = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var reference = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid/",
            User = new ChannelAccount("user-" + id, "User"),
            Bot = new ChannelAccount("bot", "FootDrop.Bot"),
            Conversation = new ConversationAccount(conversationType: conversationType, id: "conv-" + id),
            Locale = "en-US",
        };
        return new TestAdapter(reference, sendTraceActivity: true);
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot.OnTurnAsync);

    /// <summary>Sends one message, after dropping replies left from earlier turns, and returns every reply to it.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(TestAdapter adapter, string text)
    {
        while (adapter.ActiveQueue.Count > 0)
        {
            adapter.GetNextReply();
        }

        await adapter.SendTextToBotAsync(text, Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>The values of the triage trace activities among some replies (what Emulator's Inspector shows).</summary>
    public static IEnumerable<Newtonsoft.Json.Linq.JObject> TriageTraces(IEnumerable<Activity> replies)
        => replies.Where(r => r.Type == ActivityTypes.Trace && r.Name == FootDrop.Bot.Dialogs.Triage.TriageOutcomes.TraceName)
            .Select(r => Newtonsoft.Json.Linq.JObject.FromObject(r.Value));

    public void Dispose() => App.Dispose();
}

public static class FlowExtensions
{
    /// <summary>Asserts the next reply's text contains every fragment, in any order.</summary>
    public static TestFlow AssertReplyContains(this TestFlow flow, params string[] fragments)
        => flow.AssertReply(
            activity =>
            {
                var text = ((Activity)activity).Text ?? string.Empty;
                foreach (var fragment in fragments)
                {
                    Assert.True(text.Contains(fragment, StringComparison.Ordinal), $"expected \"{fragment}\" in \"{text}\"");
                }
            },
            "reply containing " + string.Join(", ", fragments));

    /// <summary>Asserts the next reply is exactly this text.</summary>
    public static TestFlow Says(this TestFlow flow, string text)
        => flow.AssertReply(activity => Assert.Equal(text, ((Activity)activity).Text));

    /// <summary>Asserts the next reply is these paragraphs, in this order, as one message with a blank line between them.</summary>
    public static TestFlow SaysParagraphs(this TestFlow flow, IEnumerable<string> paragraphs)
        => flow.Says(string.Join("\n\n", paragraphs));

    /// <summary>Asserts the next reply offers exactly these buttons, as suggested actions.</summary>
    public static TestFlow Offers(this TestFlow flow, string text, params string[] buttons)
        => flow.AssertReply(activity =>
        {
            var message = (Activity)activity;
            Assert.Equal(text, message.Text);
            Assert.Equal(buttons, message.SuggestedActions?.Actions.Select(a => a.Title).ToArray());
        });

    public static TestFlow AssertTrace(this TestFlow flow, string level, params string[] ruleIds)
        => flow.AssertReply(activity =>
        {
            var trace = (Activity)activity;
            Assert.Equal(ActivityTypes.Trace, trace.Type);
            Assert.Equal("triage", trace.Name);
            var value = Newtonsoft.Json.Linq.JObject.FromObject(trace.Value);
            Assert.Equal(level, value.Value<string>("level"));
            foreach (var rule in ruleIds)
            {
                Assert.Contains(rule, value["ruleIds"]!.Values<string>());
            }
        });

    public static TestFlow SkipReplies(this TestFlow flow, int count)
    {
        for (var i = 0; i < count; i++)
        {
            flow = flow.AssertReply(_ => { });
        }

        return flow;
    }
}
