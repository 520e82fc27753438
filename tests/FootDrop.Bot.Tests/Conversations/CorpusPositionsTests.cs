using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>
/// Every message of the corpus's test part (tests/triage-corpus/test, never tuned on), sent through the composed bot
/// in each of the three places a user types it: as the first message, in the middle of an exercise, and as the
/// answer to the symptom check's first question. Each clarifying question is answered honestly, as the evaluation
/// program does. Where the message is typed must not change whether a warning sign is caught.
/// </summary>
public sealed class CorpusPositionsTests(BotFixture bot) : IClassFixture<BotFixture>
{
    // The floors the detector alone measures on this part (FootDrop.Content.Tests, TriageCorpusTests), and the issue's
    // limits for benign messages.
    private const double EmergencyFloor = 0.977;
    private const double UrgentFloor = 0.987;

    private static readonly Lazy<IReadOnlyList<CorpusMessage>> TestPart = new(LoadTestPart);

    private static readonly Dictionary<Position, Figures> Measured = [];

    [Theory]
    [InlineData(Position.FirstMessage)]
    [InlineData(Position.MidExercise)]
    [InlineData(Position.AnsweringTheSymptomCheck)]
    public async Task Emergencies_of_the_test_part_get_the_emergency_advice_wherever_they_are_typed(Position position)
    {
        var figures = await MeasureAsync(position);

        Assert.True(figures.EmergencyCaught >= EmergencyFloor * figures.Emergency, $"{position}: {figures.EmergencyCaught} of {figures.Emergency}");
    }

    [Theory]
    [InlineData(Position.FirstMessage)]
    [InlineData(Position.MidExercise)]
    [InlineData(Position.AnsweringTheSymptomCheck)]
    public async Task Urgent_messages_of_the_test_part_get_urgent_advice_or_more_wherever_they_are_typed(Position position)
    {
        var figures = await MeasureAsync(position);

        Assert.True(figures.UrgentCaught >= UrgentFloor * figures.Urgent, $"{position}: {figures.UrgentCaught} of {figures.Urgent}");
    }

    [Theory]
    [InlineData(Position.FirstMessage)]
    [InlineData(Position.MidExercise)]
    [InlineData(Position.AnsweringTheSymptomCheck)]
    public async Task Benign_messages_of_the_test_part_raise_few_alarms_and_few_questions_wherever_they_are_typed(Position position)
    {
        var figures = await MeasureAsync(position);

        Assert.True(figures.FalseAlarms <= 0.10 * figures.Benign, $"{position}: {figures.FalseAlarms} false alarms of {figures.Benign}");
        Assert.True(figures.Asked <= 0.20 * figures.Benign, $"{position}: {figures.Asked} questions of {figures.Benign}");
    }

    private async Task<Figures> MeasureAsync(Position position)
    {
        lock (Measured)
        {
            if (Measured.TryGetValue(position, out var known))
            {
                return known;
            }
        }

        var figures = new Figures();
        foreach (var message in TestPart.Value)
        {
            var (level, asked) = await RunAsync(message, position);
            switch (message.Label)
            {
                case "emergency":
                    figures.Emergency++;
                    figures.EmergencyCaught += level == "emergency" ? 1 : 0;
                    break;
                case "urgent":
                    figures.Urgent++;
                    figures.UrgentCaught += level is "emergency" or "urgent" ? 1 : 0;
                    break;
                default:
                    figures.Benign++;
                    figures.FalseAlarms += level is "emergency" or "urgent" ? 1 : 0;
                    figures.Asked += asked ? 1 : 0;
                    break;
            }
        }

        lock (Measured)
        {
            Measured[position] = figures;
        }

        return figures;
    }

    /// <summary>The last triage decision and whether a clarifying question was asked on the way.</summary>
    private async Task<(string Level, bool Asked)> RunAsync(CorpusMessage message, Position position)
    {
        var adapter = bot.NewConversation();
        switch (position)
        {
            case Position.MidExercise:
                await bot.SeedReadyForExercisesAsync(adapter);
                await SendAsync(adapter, "calf stretch");
                await SendAsync(adapter, "no");
                break;
            case Position.AnsweringTheSymptomCheck:
                await SendAsync(adapter, "check my symptoms");
                break;
        }

        var traces = Traces(await SendAsync(adapter, message.Text)).ToList();
        var asked = false;
        for (var round = 0; round < 3 && traces.LastOrDefault()?.Value<string>("level") == TriageOutcomes.ClarifyLevel; round++)
        {
            asked = true;
            traces.AddRange(Traces(await SendAsync(adapter, message.HonestAnswer(traces[^1].Value<string>("question")) ? "yes" : "no")));
        }

        return (traces.LastOrDefault(t => t.Value<string>("level") != TriageOutcomes.ClarifyLevel)?.Value<string>("level") ?? "none", asked);
    }

    private static IEnumerable<JObject> Traces(IEnumerable<Activity> replies) => BotFixture.TriageTraces(replies);

    private Task<IReadOnlyList<Activity>> SendAsync(TestAdapter adapter, string text) => bot.SendAsync(adapter, text);

    private static IReadOnlyList<CorpusMessage> LoadTestPart()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", "triage-corpus", "test")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var messages = new List<CorpusMessage>();
        foreach (var file in Directory.GetFiles(Path.Combine(directory.FullName, "tests", "triage-corpus", "test"), "*.tsv").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Skip(1).Where(l => l.Length > 0))
            {
                var fields = line.Split('\t');
                messages.Add(new CorpusMessage(fields[0], fields[1], fields[3]));
            }
        }

        Assert.True(messages.Count >= 400, $"the test part holds {messages.Count} messages");
        return messages;
    }

    private sealed record CorpusMessage(string Label, string Area, string Text)
    {
        /// <summary>Yes to the emergency question exactly for an emergency; yes to an area's question when that is what is going on.</summary>
        public bool HonestAnswer(string? questionId)
        {
            var needsCare = Label is "emergency" or "urgent";
            return questionId switch
            {
                "clarify-emergency-signs" => Label == "emergency",
                "clarify-stroke" => needsCare && Area.Contains("stroke", StringComparison.Ordinal),
                "clarify-cauda-equina" => needsCare && Area.Contains("cauda", StringComparison.Ordinal),
                _ => needsCare && Area.Contains("leg", StringComparison.Ordinal),
            };
        }
    }

    private sealed class Figures
    {
        public int Emergency { get; set; }

        public int EmergencyCaught { get; set; }

        public int Urgent { get; set; }

        public int UrgentCaught { get; set; }

        public int Benign { get; set; }

        public int FalseAlarms { get; set; }

        public int Asked { get; set; }
    }
}
