using FootDrop.Content.Triage;
using Xunit.Abstractions;

namespace FootDrop.Content.Tests.Triage;

/// <summary>The labelled messages, run through the detector built from the real dialogs/redflags.json.</summary>
public sealed class RedFlagDetectorTests(ITestOutputHelper output)
{
    private static readonly RedFlagDetector Detector = new(TriageLoader.LoadVocabulary(RepoPaths.Dialogs));

    public static IEnumerable<object[]> Labelled(string label) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Triage", "LabelledMessages.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t', 2))
        .Where(parts => parts[0] == label)
        .Select(parts => new object[] { parts[1] });

    [Theory]
    [MemberData(nameof(Labelled), "emergency")]
    public void Every_emergency_message_gets_the_emergency_outcome(string message)
        => Assert.Equal(CareLevel.Emergency, Detector.Detect(message).Level);

    [Theory]
    [MemberData(nameof(Labelled), "urgent")]
    public void Every_urgent_message_gets_urgent_care_or_more(string message)
        => Assert.True(Detector.Detect(message).Level >= CareLevel.Urgent, $"missed: {message}");

    [Fact]
    public void The_labelled_set_holds_at_least_150_messages()
    {
        var count = new[] { "emergency", "urgent", "routine", "negated", "question" }.Sum(label => Labelled(label).Count());
        Assert.True(count >= 150, $"only {count} labelled messages");
    }

    [Fact]
    public void The_false_alarm_rate_on_routine_negated_and_question_messages_is_at_most_ten_percent()
    {
        var figures = new List<string>();
        var calm = 0;
        var alarms = 0;
        foreach (var label in new[] { "routine", "negated", "question" })
        {
            var messages = Labelled(label).Select(row => (string)row[0]).ToList();
            var raised = messages.Where(m => Detector.Detect(m).IsRedFlag).ToList();
            calm += messages.Count;
            alarms += raised.Count;
            figures.Add($"{label}: {raised.Count} of {messages.Count} raised an alarm");
            figures.AddRange(raised.Select(m => $"  false alarm: {m}"));
        }

        foreach (var label in new[] { "emergency", "urgent" })
        {
            var messages = Labelled(label).Select(row => (string)row[0]).ToList();
            var expected = label == "emergency" ? CareLevel.Emergency : CareLevel.Urgent;
            figures.Add($"{label}: {messages.Count(m => Detector.Detect(m).Level >= expected)} of {messages.Count} sent to {label} care or more");
        }

        var rate = (double)alarms / calm;
        figures.Add($"false alarm rate: {rate:P1} ({alarms} of {calm})");
        figures.ForEach(output.WriteLine);
        Assert.True(rate <= 0.10, string.Join(Environment.NewLine, figures));
    }

    [Theory]
    [InlineData("no numbness or tingling")]
    [InlineData("I don't have any pins and needles or shooting pain")]
    public void A_negated_list_negates_every_sign_in_it(string message)
        => Assert.False(Detector.Detect(message).IsRedFlag);

    [Fact]
    public void A_negation_does_not_reach_past_but()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("no pain but my foot went numb suddenly").RuleIds);

    [Fact]
    public void A_bare_no_answering_a_question_is_not_a_negation()
        => Assert.True(Detector.Detect("no my foot is numb").IsRedFlag);

    [Fact]
    public void Asking_about_warning_signs_is_not_reporting_one()
        => Assert.False(Detector.Detect("what are the warning signs of numbness and tingling?").IsRedFlag);

    [Fact]
    public void A_question_about_my_own_foot_counts_as_a_report()
        => Assert.True(Detector.Detect("what should I do if my foot goes numb?").IsRedFlag);

    [Fact]
    public void A_vague_feeling_gets_a_clarifying_question_instead_of_silence()
    {
        var result = Detector.Detect("my foot feels weird");

        Assert.False(result.IsRedFlag);
        Assert.Equal("clarify-sensation", result.Clarify?.Id);
    }

    [Fact]
    public void Weakness_that_came_on_slowly_needs_no_clarifying_question()
        => Assert.Null(Detector.Detect("my foot has been weak for years").Clarify);

    [Fact]
    public void A_red_flag_at_the_end_of_a_long_message_is_still_found()
    {
        var message = string.Join(' ', Enumerable.Repeat("I walked to the shop and back.", 300)) + " Now my foot is numb.";

        Assert.True(Detector.Detect(message).IsRedFlag);
    }
}
