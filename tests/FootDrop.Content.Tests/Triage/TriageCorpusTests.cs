using FootDrop.Content.Text;
using FootDrop.Content.Triage;
using FootDrop.Triage.Evaluation;
using Xunit.Abstractions;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// The labelled corpus of tests/triage-corpus, run through the full detector (rules, context and the sentence model)
/// the way the bot reads messages, one clarifying question answered honestly. The targets are asserted on the test
/// part, which nothing was tuned on; the development part's figures are printed.
/// </summary>
public sealed class TriageCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<LabelledMessage>> Development = new(() => Corpus.Load(Corpus.DevelopmentPart));
    private static readonly Lazy<IReadOnlyList<LabelledMessage>> Test = new(() => Corpus.Load(Corpus.TestPart));

    [Fact]
    public void The_corpus_holds_at_least_a_thousand_messages_in_two_parts()
    {
        Assert.True(Development.Value.Count + Test.Value.Count >= 1000, $"{Development.Value.Count} + {Test.Value.Count} messages");
        Assert.True(Test.Value.Count >= 400, $"the test part holds {Test.Value.Count} messages");
        Assert.All(new[] { Label.Emergency, Label.Urgent, Label.Routine, Label.Negated }, label => Assert.Contains(Test.Value, m => m.Label == label));
    }

    [Fact]
    public void No_message_is_in_both_parts()
    {
        var development = Development.Value.Select(m => TextNormalizer.Canonical(m.Text)).ToHashSet();

        Assert.Empty(Test.Value.Where(m => development.Contains(TextNormalizer.Canonical(m.Text))).Select(m => m.Text));
    }

    [Fact]
    public void No_example_sentence_of_the_rules_is_copied_from_the_corpus()
    {
        var corpus = Development.Value.Concat(Test.Value).Select(m => TextNormalizer.Canonical(m.Text)).ToHashSet();
        var copied = Detectors.Vocabulary.Rules.SelectMany(r => r.Examples.Concat(r.NearMisses)).Where(e => corpus.Contains(TextNormalizer.Canonical(e))).ToList();

        Assert.Empty(copied);
    }

    // The target is every emergency and every urgent message of a part nothing was tuned on. Fresh test parts
    // have measured 90% to 100% (tests/triage-corpus/README.md); these floors are what the current test part (parts 39 and 42)
    // measured when each was first run, so a change that loses any of it fails here. Raise them, never lower them.
    private const double EmergencyFloor = 0.983;
    private const double UrgentFloor = 0.987;

    [Fact]
    public void At_least_as_many_emergencies_of_the_test_part_get_the_emergency_advice_as_when_it_was_written()
    {
        var figures = Run(Corpus.TestPart, Test.Value);

        Assert.True(figures.EmergencyCaught >= EmergencyFloor * figures.Emergency, $"{figures.EmergencyCaught} of {figures.Emergency} emergencies reached the emergency advice");
    }

    [Fact]
    public void At_least_as_many_urgent_messages_of_the_test_part_get_urgent_advice_or_more_as_when_it_was_written()
    {
        var figures = Run(Corpus.TestPart, Test.Value);

        Assert.True(figures.UrgentCaught >= UrgentFloor * figures.Urgent, $"{figures.UrgentCaught} of {figures.Urgent} urgent messages reached urgent advice or more");
    }

    [Fact]
    public void At_most_one_benign_message_in_ten_of_the_test_part_raises_an_alarm()
    {
        var figures = Run(Corpus.TestPart, Test.Value);

        Assert.True(figures.FalseAlarmRate <= 0.10, $"false alarms: {figures.FalseAlarms} of {figures.Benign}");
    }

    [Fact]
    public void At_most_one_benign_message_in_five_of_the_test_part_gets_a_clarifying_question()
    {
        var figures = Run(Corpus.TestPart, Test.Value);

        Assert.True(figures.ClarifyRate <= 0.20, $"clarifying questions: {figures.BenignClarified} of {figures.Benign}");
    }

    // What was learned from the development part stays learned: every emergency written so far, and all but one in a
    // thousand urgent messages (the misses left are listed by the evaluation program with --show).
    [Fact]
    public void Every_emergency_of_the_development_part_gets_the_emergency_advice()
    {
        var figures = Run(Corpus.DevelopmentPart, Development.Value);

        Assert.True(figures.EmergencyCaught == figures.Emergency, $"{figures.EmergencyCaught} of {figures.Emergency} emergencies reached the emergency advice");
    }

    [Fact]
    public void All_but_one_in_a_thousand_urgent_messages_of_the_development_part_get_urgent_advice_or_more()
    {
        var figures = Run(Corpus.DevelopmentPart, Development.Value);

        Assert.True(figures.UrgentCaught >= 0.999 * figures.Urgent, $"{figures.UrgentCaught} of {figures.Urgent} urgent messages reached urgent advice or more");
    }

    // Just above the measured figures (2.7% and 11.7% on 18,760 messages): later writers are harder to read quietly,
    // and the bound on unseen messages is 10% and 20%.
    [Fact]
    public void Benign_messages_of_the_development_part_stay_quiet()
    {
        var figures = Run(Corpus.DevelopmentPart, Development.Value);

        Assert.True(figures.FalseAlarmRate <= 0.028 && figures.ClarifyRate <= 0.12, $"false alarms: {figures.FalseAlarms}, questions: {figures.BenignClarified} of {figures.Benign}");
    }

    // Hindi, Bengali and Tagalog written in Latin letters (tests/triage-corpus/other-language) are languages the bot does
    // not read. Short of an emergency read in one, the bot answers such a message with its only-English reply, which
    // carries the emergency advice, before any advice of its own (FootDropBot). Either way, no warning may get neither.
    [Fact]
    public void Every_warning_written_in_another_language_in_latin_letters_gets_its_advice_or_the_only_English_reply()
    {
        var messages = Corpus.Load("other-language");
        var missed = messages.Where(m => m.Label is Label.Emergency or Label.Urgent).Where(m =>
        {
            var result = Detectors.Full.Detect(m.Text);
            var advised = result.Level >= (m.Label == Label.Emergency ? CareLevel.Emergency : CareLevel.Urgent);
            var toldOnlyEnglish = result.Level < CareLevel.Emergency && LanguageGuess.IsLikelyNotEnglish(m.Text);
            return !advised && !toldOnlyEnglish;
        }).Select(m => $"{m.Label}: {m.Text}").ToList();

        Assert.True(messages.Count >= 200, $"{messages.Count} messages");
        Assert.True(missed.Count == 0, string.Join(Environment.NewLine, missed));
    }

    private static readonly Dictionary<string, PartFigures> Figures = [];

    private PartFigures Run(string part, IReadOnlyList<LabelledMessage> messages)
    {
        PartFigures figures;
        lock (Figures)
        {
            if (!Figures.TryGetValue(part, out figures!))
            {
                Figures[part] = figures = TriageEvaluation.Run(Detectors.Full, part, messages);
            }
        }

        foreach (var line in TriageEvaluation.Report(figures))
        {
            output.WriteLine(line);
        }

        return figures;
    }
}
