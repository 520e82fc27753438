using FootDrop.Bot.Conversation;
using FootDrop.Bot.Hosting;
using FootDrop.Bot.Recognition;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>
/// The sentence model costs milliseconds per message: button presses, commands and prompt answers the bot recognises
/// are read by the rules alone, and only words the user types in their own words reach the model. The bot is composed
/// as the application composes it, with the real model read through a counter.
/// </summary>
public sealed class SentenceModelGateTests(SentenceModelGateTests.CountingBot bot) : IClassFixture<SentenceModelGateTests.CountingBot>
{
    [Fact]
    public async Task Buttons_commands_and_prompt_answers_never_run_the_sentence_model()
    {
        var adapter = bot.NewConversation();
        var texts = bot.Texts;
        var before = bot.ModelCalls;

        await bot.ExpectAsync(adapter, null, "Hi, I'm FootDrop.Bot");
        await bot.ExpectAsync(adapter, "toe lifts", texts[TextKeys.SidePrompt]);
        await bot.ExpectAsync(adapter, "left", "First, is any of this happening now");
        await bot.ExpectAsync(adapter, "no", "Do you have any of these: new trouble controlling");
        await bot.ExpectAsync(adapter, "No", "When did the foot weakness start?");
        await bot.ExpectAsync(adapter, "months ago", "Did it come on suddenly");
        await bot.ExpectAsync(adapter, "no, slowly", "Do you have any numbness or tingling");
        await bot.ExpectAsync(adapter, "no I don't think so", "Do you have pain that shoots or spreads down your leg?");
        await bot.ExpectAsync(adapter, "no, nothing like that really", "Are you having trouble with your balance");
        await bot.ExpectAsync(adapter, "no my balance is fine", "Have you had an injury or an operation recently");
        await bot.ExpectAsync(adapter, "no", "Is it getting worse?");
        await bot.ExpectAsync(adapter, "no", "Getting ready (1 of 1): Sit up straight");
        await bot.ExpectAsync(adapter, "Next", "Set 1 of 3, rep 1 of 10");
        await bot.ExpectAsync(adapter, "next", "Hold your toes up for 2 to 3 seconds");
        await bot.ExpectAsync(adapter, "Start hold", "Holding now.");
        await bot.ExpectAsync(adapter, "I did all reps", "Set 1 of 3 done.");
        await bot.ExpectAsync(adapter, "Finish this exercise", texts[TextKeys.PainPrompt]);
        await bot.ExpectAsync(adapter, "7/10", texts[TextKeys.MenuAgain]);
        await bot.ExpectAsync(adapter, "help", string.Empty);
        await bot.ExpectAsync(adapter, "menu", texts[TextKeys.MenuPrompt]);

        Assert.Equal(before, bot.ModelCalls);
    }

    [Fact]
    public async Task A_question_in_the_users_own_words_is_read_by_the_sentence_model()
    {
        var adapter = bot.NewConversation();
        await bot.ExpectAsync(adapter, null, "Hi, I'm FootDrop.Bot");
        var before = bot.ModelCalls;

        await bot.ExpectAsync(adapter, "I have had MS for ten years and my right foot has always dragged a little, is a brace worth trying?", "An ankle-foot orthosis, or AFO");

        Assert.True(bot.ModelCalls > before, "the sentence model did not read a question typed in the user's own words");
    }

    [Theory]
    [InlineData("what are the warning signs")]
    [InlineData("is foot drop an emergency")]
    [InlineData("no, nothing like that really")]
    [InlineData("yes, that is right thanks")]
    [InlineData("Finish this exercise")]
    public void A_recognised_phrase_or_answer_is_kept_from_the_sentence_model_however_many_words_it_has(string text)
        => Assert.False(bot.App.Services.GetRequiredService<ModelGate>().ShouldRead(text), $"\"{text}\" would run the sentence model");

    /// <summary>The bot with its sentence model read through a counter, once the start-up warm-up (which runs the model too) is done.</summary>
    public sealed class CountingBot : IDisposable
    {
        private readonly CountingEmbedder _counter = new(MiniLmSentenceEmbedder.Shared);

        public CountingBot()
        {
            App = new BotApp(services: services => services.Replace(ServiceDescriptor.Singleton(sp =>
                new SemanticReader(() => _counter, SemanticExamples.From(sp.GetRequiredService<RedFlagVocabulary>()), cacheDirectory: null))));
            App.Services.GetRequiredService<SemanticReader>().WhenReady.GetAwaiter().GetResult();
            App.Services.GetRequiredService<ContentStartupCheck>().WarmedUp.GetAwaiter().GetResult();
        }

        public BotApp App { get; }

        public Texts Texts => App.Services.GetRequiredService<Texts>();

        public long ModelCalls => _counter.Calls;

        public TestAdapter NewConversation()
        {
            var id = Guid.NewGuid().ToString("N");
            return new TestAdapter(new ConversationReference
            {
                ChannelId = Channels.Emulator,
                ServiceUrl = "https://test.invalid/",
                User = new ChannelAccount("user-" + id, "User"),
                Bot = new ChannelAccount("bot", "FootDrop.Bot"),
                Conversation = new ConversationAccount(id: "conv-" + id),
                Locale = "en-US",
            });
        }

        /// <summary>Sends a message (null: the user joins) and asserts one of the replies contains the expected text.</summary>
        public async Task ExpectAsync(TestAdapter adapter, string? text, string expected)
        {
            var bot = App.Services.GetRequiredService<Microsoft.Bot.Builder.IBot>();
            if (text is null)
            {
                var join = adapter.MakeActivity();
                join.Type = ActivityTypes.ConversationUpdate;
                join.MembersAdded = [join.From];
                await adapter.ProcessActivityAsync(join, bot.OnTurnAsync, CancellationToken.None);
            }
            else
            {
                await adapter.SendTextToBotAsync(text, bot.OnTurnAsync, CancellationToken.None);
            }

            var replies = new List<string>();
            while (adapter.GetNextReply() is Activity reply)
            {
                replies.Add(reply.Text ?? string.Empty);
            }

            Assert.True(
                replies.Any(r => r.Contains(expected, StringComparison.Ordinal)),
                $"after \"{text ?? "(join)"}\" expected \"{expected}\" in: {string.Join(" | ", replies)}");
            Assert.DoesNotContain(Texts[TextKeys.Fallback], replies);
        }

        public void Dispose() => App.Dispose();
    }

    private sealed class CountingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public string ModelId => inner.ModelId;

        public float[][] Embed(IReadOnlyList<string> sentences)
        {
            Interlocked.Increment(ref _calls);
            return inner.Embed(sentences);
        }
    }
}
